/**
 * Turns XHTML documents (bulletins, reports) into PDF with correct Arabic: joined letters, right-to-left
 * order, mixed Arabic, Latin and digits.
 */
@Export
@Version("1.0.0")
package org.diwan.api.pdf;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
