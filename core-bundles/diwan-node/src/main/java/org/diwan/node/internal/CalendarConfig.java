package org.diwan.node.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Diwan working calendar",
        description = "The node's working days and hours, for deadlines and SLA clocks. A bad value is logged and"
                + " skipped (or replaced by its default); it never stops the service.")
@interface CalendarConfig {

    @AttributeDefinition(name = "Weekend",
            description = "Days never worked, English names (MONDAY ... SUNDAY), comma-separated. Empty: no weekend.")
    String[] weekend() default {"FRIDAY", "SATURDAY"};

    @AttributeDefinition(name = "Opens", description = "Start of the working day, HH:mm on the node's wall clock.")
    String opens() default "08:00";

    @AttributeDefinition(name = "Closes", description = "End of the working day, HH:mm, after the start on the same day.")
    String closes() default "15:00";

    @AttributeDefinition(name = "Time zone",
            description = "Zone whose wall clock the working hours follow, e.g. Asia/Riyadh or Europe/Paris. Empty: the system's.")
    String zone() default "";

    @AttributeDefinition(name = "Holidays",
            description = "Comma-separated rules: gregorian:YYYY-MM-DD (once), gregorian:*-MM-DD (every year),"
                    + " hijri:MM-DD (every Hijri year, Umm al-Qura), each optionally followed by +days and a name,"
                    + " e.g. hijri:10-01+3 Eid al-Fitr. ASCII digits only.")
    String[] holidays() default {};
}
