/**
 * What this node is: headquarters or a mission office, and its identity.
 */
@Export
@Version("1.0.0")
package org.diwan.api.node;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
