package org.diwan.missions.internal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.diwan.api.i18n.LocalizedText;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionDraft;
import org.diwan.missions.internal.registry.MissionStatus;
import org.diwan.missions.internal.registry.MissionStore;
import org.diwan.missions.internal.registry.MissionType;
import org.diwan.missions.internal.sync.TestSync;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaStoreTest {

    @TempDir
    Path folder;

    @Test
    void activitiesArePlannedReportedOnceAndSummedPerOffice() throws Exception {
        try (TestDatabase database = TestDatabase.create(folder)) {
            DataSource data = database.migrate("missions");
            MissionStore missions = new MissionStore(data, Clock.systemUTC(), TestSync.none());
            Mission paris = missions.create(new MissionDraft("PAR", MissionType.MISSION, "FR", "باريس", LocalizedText.of("بعثة باريس", null, null),
                    null, null, null, null, MissionStatus.ACTIVE, 30), "chief");
            Mission rome = missions.create(new MissionDraft("ROM", MissionType.MISSION, "IT", "روما", LocalizedText.of("بعثة روما", null, null),
                    null, null, null, null, MissionStatus.ACTIVE, 30), "chief");
            MediaStore media = new MediaStore(data, Clock.systemUTC());
            String lecture = media.plan(paris.id(), MediaActivity.Kind.LECTURE, "محاضرة عن القضية الفلسطينية", LocalDate.of(2026, 3, 10), "amina");
            media.plan(paris.id(), MediaActivity.Kind.BROADCAST, "برنامج إذاعي", LocalDate.of(2026, 5, 2), "amina");
            media.plan(rome.id(), MediaActivity.Kind.NEWSLETTER, "نشرة فصلية", LocalDate.of(2026, 6, 1), "omar");
            media.plan(rome.id(), MediaActivity.Kind.CONFERENCE, "ندوة العام الماضي", LocalDate.of(2025, 6, 1), "omar");

            media.report(lecture, 1, MediaActivity.Status.DONE, LocalDate.of(2026, 3, 10), 120, "حضور كبير من الطلاب", "amina");
            assertThatThrownBy(() -> media.report(lecture, 1, MediaActivity.Status.CANCELLED, null, null, null, "omar"))
                    .isInstanceOf(StaleEditException.class);

            List<MediaActivity> year = media.year(2026, null, null);
            assertThat(year).extracting(MediaActivity::title).containsExactly("محاضرة عن القضية الفلسطينية", "برنامج إذاعي", "نشرة فصلية");
            assertThat(year.get(0).audience()).isEqualTo(120);
            assertThat(year.get(1).audience()).isNull();
            assertThat(media.summary(year).get("PAR")).containsEntry(MediaActivity.Status.DONE, 1).containsEntry(MediaActivity.Status.PLANNED, 1);
            assertThat(media.year(2026, null, "ROM")).extracting(MediaActivity::missionCode).containsOnly("ROM");
            assertThat(media.get(lecture, "ROM")).isEmpty();
        }
    }
}
