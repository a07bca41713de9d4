package org.diwan.missions.internal.correspondence;

import java.time.Instant;
import java.time.LocalDate;

/** One letter, report or note, as stored; {@code missionCode} and {@code missionName} are read with it. */
public record Correspondence(String id, String missionId, String missionCode, String missionNameAr, Counterpart counterpart,
        String counterpartName, Classification classification, String country, String referenceNo, LocalDate documentDate,
        LocalDate receivedDate, String subject, String summary, CorrespondenceStatus status, int version, Instant updatedAt,
        String updatedBy) {
}
