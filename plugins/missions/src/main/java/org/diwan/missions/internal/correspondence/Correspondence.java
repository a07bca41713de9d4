package org.diwan.missions.internal.correspondence;

import java.time.Instant;
import java.time.LocalDate;

import org.diwan.api.i18n.LocalizedText;

/**
 * One letter, report or note, as stored; its mission's code and name are read with it.
 *
 * @param receivedFrom the mission node it came from, read-only here; {@code null} when registered on this node
 */
public record Correspondence(String id, String missionId, String missionCode, LocalizedText missionName, Counterpart counterpart,
        String counterpartName, Classification classification, String country, String referenceNo, LocalDate documentDate,
        LocalDate receivedDate, String subject, String summary, CorrespondenceStatus status, int version, Instant updatedAt,
        String updatedBy, String receivedFrom) {

    /** Whether this node may edit it: not when its mission's own node owns it. */
    public boolean editableHere() {
        return receivedFrom == null;
    }
}
