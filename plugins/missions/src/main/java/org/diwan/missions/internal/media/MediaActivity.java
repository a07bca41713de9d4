package org.diwan.missions.internal.media;

import java.time.Instant;
import java.time.LocalDate;

import org.diwan.api.i18n.LocalizedText;
import org.diwan.api.web.record.VersionedRecord;

/**
 * One activity of the media plan abroad (MIS-7): planned by an office, then reported with the date it was
 * held, the audience reached and what happened.
 *
 * @param receivedFrom the mission node it came from, read-only here; {@code null} when planned on this node
 * @param updatedBy    who planned or last reported it, for the conflict banner
 */
public record MediaActivity(String id, String missionId, String missionCode, LocalizedText missionName, Kind kind, String title,
        LocalDate plannedOn, Status status, LocalDate heldOn, Integer audience, String report, int version, String receivedFrom,
        String updatedBy, Instant updatedAt) implements VersionedRecord {

    /** Whether this node may report on it: not when its mission's own node owns it. */
    public boolean editableHere() {
        return receivedFrom == null;
    }

    public enum Kind {
        LECTURE, BROADCAST, CONFERENCE, NEWSLETTER, DIRECT_CONTACT
    }

    public enum Status {
        PLANNED, DONE, CANCELLED
    }
}
