/**
 * Dates shown the way the organisation reads them: Gregorian beside Hijri (Umm al-Qura), and the node's working
 * calendar (weekend, working hours, Gregorian and Hijri holidays) with business-time arithmetic.
 */
@Export
@Version("1.1.0")
package org.diwan.api.calendar;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
