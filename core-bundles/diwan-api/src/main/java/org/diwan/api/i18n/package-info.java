/**
 * Languages of the interface (Arabic first), trilingual texts, digits and the message service.
 */
@Export
@Version("1.2.0")
package org.diwan.api.i18n;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
