/**
 * Record events for integrators: what a plugin tells the bus about its records (created, changed, deleted, moved
 * to another state). A plugin publishes through {@link org.diwan.api.events.RecordEvents} in the transaction of the
 * change; the node hands the event to the broker after the commit, on the multicast address
 * {@code diwan.events.<plugin>.<event>}. The addresses, message properties and body are listed in the integrator
 * guide's event catalogue. A plugin's other messages (an issued document for delivery routes) go through
 * {@link org.diwan.api.events.Announcements}, the same outbox, on {@code diwan.events.<plugin>.<name>}.
 */
@Export
@Version("1.1.0")
package org.diwan.api.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
