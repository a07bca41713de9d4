package org.diwan.missions.internal.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.diwan.api.reference.Region;
import org.diwan.missions.internal.correspondence.Classification;

/**
 * What the missions reported in a year, by region and topic: how many pieces of correspondence, and the main
 * ones (the latest, up to a limit per topic) as the report's events and issues.
 */
public record YearInReview(int year, Map<Region, Map<Classification, Topic>> byRegion) {

    public record Topic(int count, List<Event> events) {
    }

    public record Event(LocalDate date, String country, String missionCode, String subject, String summary) {
    }

    public int total() {
        return byRegion.values().stream().flatMap(m -> m.values().stream()).mapToInt(Topic::count).sum();
    }
}
