package org.diwan.missions.internal.correspondence;

import java.time.LocalDate;

/** What a form or the API supplies for new or edited correspondence, already validated. */
public record CorrespondenceDraft(String missionId, Counterpart counterpart, String counterpartName, Classification classification,
        String country, String referenceNo, LocalDate documentDate, LocalDate receivedDate, String subject, String summary,
        CorrespondenceStatus status) {
}
