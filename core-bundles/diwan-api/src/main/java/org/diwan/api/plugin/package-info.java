/**
 * The plugin contract: what a department plugin registers so that the shell can show, secure and audit it.
 */
@Export
@Version("2.0.0")
package org.diwan.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
