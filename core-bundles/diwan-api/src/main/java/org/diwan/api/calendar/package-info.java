/**
 * Dates shown the way the organisation reads them: Gregorian beside Hijri (Umm al-Qura).
 */
@Export
@Version("1.0.0")
package org.diwan.api.calendar;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
