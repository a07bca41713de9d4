package org.diwan.missions.internal.media;

import java.time.LocalDate;

import org.diwan.api.i18n.LocalizedText;

/**
 * One activity of the media plan abroad (MIS-7): planned by an office, then reported with the date it was
 * held, the audience reached and what happened.
 */
public record MediaActivity(String id, String missionId, String missionCode, LocalizedText missionName, Kind kind, String title,
        LocalDate plannedOn, Status status, LocalDate heldOn, Integer audience, String report, int version) {

    public enum Kind {
        LECTURE, BROADCAST, CONFERENCE, NEWSLETTER, DIRECT_CONTACT
    }

    public enum Status {
        PLANNED, DONE, CANCELLED
    }
}
