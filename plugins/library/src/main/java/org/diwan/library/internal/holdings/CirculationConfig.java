package org.diwan.library.internal.holdings;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The library's circulation rules (PID {@value Circulation#PID}, file {@code etc/org.diwan.library.circulation.cfg}). */
@ObjectClassDefinition(name = "Diwan library circulation", description = "Copies, loans, reservations and overdue notices.")
public @interface CirculationConfig {

    @AttributeDefinition(description = "Loan period in working days of the node's calendar (the day of the loan not counted)", min = "1",
            max = "365")
    int loanDays() default 14;

    @AttributeDefinition(description = "Renewals a loan may have", min = "0", max = "20")
    int maxRenewals() default 2;

    @AttributeDefinition(description = "Where copies are shelved: code=Arabic label|English label|French label")
    String[] locations() default {"stacks=المخازن|Stacks|Magasins", "reading-room=قاعة المطالعة|Reading room|Salle de lecture",
        "periodicals=قسم الدوريات|Periodicals|Périodiques", "archive=الأرشيف|Archive|Archives"};

    @AttributeDefinition(description = "Overdue notice steps: days past the due date at which a borrower is told, rising (each told once)")
    String overdueSteps() default "1, 7, 14";

    @AttributeDefinition(description = "When the overdue notices go out each day, HH:mm in the node calendar's time zone")
    String noticesAt() default "08:00";

    @AttributeDefinition(description = "Days between two runs of the overdue notices", min = "1", max = "31")
    int noticesEveryDays() default 1;
}
