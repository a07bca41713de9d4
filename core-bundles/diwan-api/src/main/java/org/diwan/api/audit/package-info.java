/**
 * The audit trail every change is written to: who, what, when and from where.
 */
@Export
@Version("1.1.0")
package org.diwan.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
