/**
 * Notifications to users: what the kit's workflows, deadlines and alarms tell a person, in their inbox in the shell
 * (with an unread count on every page), shown in the reader's language from a message key.
 */
@Export
@Version("1.1.0")
package org.diwan.api.notification;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
