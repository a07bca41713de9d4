package org.diwan.api.calendar;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The working calendars of this node, for deadlines and SLA clocks. Configured by the node's administrator
 * (pid {@code org.diwan.calendar}); a new configuration replaces the service, so ask for the calendar when
 * computing, rather than keeping it.
 */
@ProviderType
public interface WorkingCalendars {

    /** The node's working calendar: its weekend, working hours, time zone and holidays. */
    WorkingCalendar nodeCalendar();
}
