package org.diwan.missions.internal.registry;

import org.diwan.api.i18n.LocalizedText;

/**
 * What a form or an API call supplies for a new or edited office, already validated.
 *
 * @param reportEveryDays how often the office is expected to report to headquarters (MIS-3)
 */
public record MissionDraft(String code, MissionType type, String country, String city, LocalizedText name,
        String headOfMission, String email, String phone, String address, MissionStatus status, int reportEveryDays) {
}
