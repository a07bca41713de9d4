package org.diwan.missions.internal.monitoring;

/** What an office is evaluated on (MIS-3): administrative criteria first, then substantive ones. */
public enum Criterion {
    REPORT_TIMELINESS(Kind.ADMINISTRATIVE), FINANCIAL_MANAGEMENT(Kind.ADMINISTRATIVE), STAFF_MANAGEMENT(Kind.ADMINISTRATIVE),
    ANALYSIS_QUALITY(Kind.SUBSTANTIVE), HOST_COUNTRY_RELATIONS(Kind.SUBSTANTIVE), MEDIA_ACTIVITY(Kind.SUBSTANTIVE),
    COMMUNITY_OUTREACH(Kind.SUBSTANTIVE);

    public enum Kind {
        ADMINISTRATIVE, SUBSTANTIVE
    }

    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;

    private final Kind kind;

    Criterion(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
