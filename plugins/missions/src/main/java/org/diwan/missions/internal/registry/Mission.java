package org.diwan.missions.internal.registry;

import java.time.Instant;

import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.LocalizedText;

/**
 * One office abroad as the registry keeps it.
 *
 * @param code    the short code staff use and mission nodes are configured with ({@code PAR})
 * @param country ISO 3166-1 alpha-2
 * @param reportEveryDays how often the office is expected to report, in days (MIS-3)
 * @param version the number of saved edits; an edit names the version it started from
 */
public record Mission(String id, String code, MissionType type, String country, String city, LocalizedText name,
        String headOfMission, String email, String phone, String address, MissionStatus status, int reportEveryDays, int version,
        Instant updatedAt, String updatedBy) {

    public String nameIn(Language language) {
        return name.in(language);
    }
}
