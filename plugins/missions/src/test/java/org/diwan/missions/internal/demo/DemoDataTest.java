package org.diwan.missions.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.diwan.missions.internal.correspondence.CorrespondenceQuery;
import org.diwan.missions.internal.correspondence.CorrespondenceStore;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionQuery;
import org.diwan.missions.internal.registry.MissionStore;
import org.diwan.missions.internal.sync.TestSync;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataTest {

    @TempDir
    Path folder;

    @Test
    void generatesTheSameArabicDataForTheSameSeed() throws Exception {
        try (TestDatabase database = TestDatabase.create(folder)) {
            DataSource data = database.migrate("missions");
            MissionStore missions = new MissionStore(data, Clock.systemUTC(), TestSync.none());
            CorrespondenceStore correspondence = new CorrespondenceStore(data, Clock.systemUTC());
            LocalDate today = LocalDate.of(2026, 11, 25);

            List<Mission> offices = new DemoData(7).missions(missions, "demo");
            new DemoData(7).correspondence(correspondence, offices, 300, today, 365, "demo");

            assertThat(offices).hasSizeGreaterThanOrEqualTo(40);
            assertThat(missions.find(MissionQuery.from(Map.of("q", "باريس"))).items()).extracting(Mission::code).containsExactly("PAR");
            var all = correspondence.find(CorrespondenceQuery.from(Map.of("size", "200"), null));
            assertThat(all.total()).isEqualTo(300);
            assertThat(all.items()).allSatisfy(c -> {
                assertThat(c.subject()).matches(".*[\\u0600-\\u06FF].*");
                assertThat(c.documentDate()).isBetween(today.minusDays(365), today);
            });
            // loading again into the same registry adds no office twice
            assertThat(new DemoData(7).missions(missions, "demo")).hasSize(offices.size());
            assertThat(missions.find(MissionQuery.from(Map.of("size", "200"))).total()).isEqualTo(offices.size());
        }
    }
}
