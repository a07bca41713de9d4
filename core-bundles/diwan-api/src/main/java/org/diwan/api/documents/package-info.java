/**
 * Attachments of every department (mission correspondence, library digital objects): stored once by content
 * hash, with a size limit and a media type detected from the content, never from the file name.
 */
@Export
@Version("1.0.0")
package org.diwan.api.documents;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
