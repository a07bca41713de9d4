/**
 * Reference lists shared by every department, so that a country is the same country in the missions
 * registry, the library's authorities and the partner network.
 */
@Export
@Version("1.0.0")
package org.diwan.api.reference;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
