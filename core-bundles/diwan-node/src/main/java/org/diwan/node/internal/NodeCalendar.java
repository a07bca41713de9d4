package org.diwan.node.internal;

import java.time.ZoneId;

import org.diwan.api.calendar.WorkingCalendar;
import org.diwan.api.calendar.WorkingCalendars;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's working calendar from {@code etc/org.diwan.calendar.cfg}. A new configuration replaces the component,
 * and so the calendar; bad values are logged at WARN and skipped.
 */
@Component(service = WorkingCalendars.class, configurationPid = "org.diwan.calendar")
@Designate(ocd = CalendarConfig.class)
public final class NodeCalendar implements WorkingCalendars {

    private static final Logger LOG = LoggerFactory.getLogger(NodeCalendar.class);

    private final WorkingCalendar calendar;

    @Activate
    public NodeCalendar(CalendarConfig config) {
        this(CalendarSettings.read(config.weekend(), config.opens(), config.closes(), config.zone(), config.holidays(),
                ZoneId.systemDefault()));
    }

    NodeCalendar(CalendarSettings.Read read) {
        for (String problem : read.problems()) {
            LOG.warn("Working calendar (etc/org.diwan.calendar.cfg): {}", problem);
        }
        this.calendar = read.calendar();
        LOG.info("Working calendar: weekend {}, {}-{} {}, {} holiday rules", calendar.weekend(), calendar.opens(),
                calendar.closes(), calendar.zone(), calendar.holidays().size());
    }

    @Override
    public WorkingCalendar nodeCalendar() {
        return calendar;
    }
}
