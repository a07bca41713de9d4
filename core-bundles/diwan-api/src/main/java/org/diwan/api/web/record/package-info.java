/**
 * The department kit's record pages: a plugin describes one kind of record ({@link org.diwan.api.web.record.RecordEditor}:
 * how to find, list, show and save it, and its {@link org.diwan.api.web.record.RecordPagesSpec}), and the shell's
 * {@link org.diwan.api.web.record.RecordPages} does the rest the same way for every department: routing, permission
 * checks, 403/404/409/413/422, post-redirect-get with a confirmation, lists with declared columns, filters, sorting,
 * paging and CSV export. A department writes its rules and its screens; the flow between them is the shell's.
 */
@Export
@Version("1.3.0")
package org.diwan.api.web.record;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
