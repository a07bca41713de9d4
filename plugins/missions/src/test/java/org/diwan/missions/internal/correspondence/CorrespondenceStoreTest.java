package org.diwan.missions.internal.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.diwan.api.i18n.LocalizedText;
import org.diwan.api.reference.Countries;
import org.diwan.api.validation.Validation;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionDraft;
import org.diwan.missions.internal.registry.MissionStatus;
import org.diwan.missions.internal.registry.MissionStore;
import org.diwan.missions.internal.registry.MissionType;
import org.diwan.missions.internal.sync.TestSync;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Correspondence, follow-ups and the mission scope on a real Derby database. */
class CorrespondenceStoreTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @TempDir
    Path folder;

    private TestDatabase database;
    private CorrespondenceStore store;
    private Mission paris;
    private Mission berlin;

    @BeforeEach
    void open() throws Exception {
        database = TestDatabase.create(folder);
        DataSource data = database.migrate("missions");
        MissionStore missions = new MissionStore(data, Clock.systemUTC(), TestSync.none());
        paris = missions.create(mission("PAR", "FR", "بعثة باريس"), "chief");
        berlin = missions.create(mission("BER", "DE", "بعثة برلين"), "chief");
        store = new CorrespondenceStore(data, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void filtersByMissionClassPeriodAndTextInEitherSpelling() throws Exception {
        store.create(draft(paris, Classification.POLITICAL, LocalDate.of(2026, 10, 3), "تقرير عن الانتخابات الرئاسية"), "amina");
        store.create(draft(paris, Classification.CULTURAL, LocalDate.of(2026, 11, 2), "أسبوع الثقافة العربية في باريس"), "amina");
        store.create(draft(berlin, Classification.ECONOMIC, LocalDate.of(2026, 11, 9), "منتدى الاستثمار"), "omar");

        assertThat(store.find(query(Map.of("classification", "cultural"))).items()).extracting(Correspondence::missionCode).containsExactly("PAR");
        assertThat(store.find(query(Map.of("from", "2026-11-01", "to", "2026-11-30"))).total()).isEqualTo(2);
        assertThat(store.find(query(Map.of("mission", berlin.id()))).items()).extracting(Correspondence::subject).containsExactly("منتدى الاستثمار");
        assertThat(store.find(query(Map.of("q", "اسبوع الثقافه"))).total()).isEqualTo(1);
        assertThat(store.find(query(Map.of())).items()).first().extracting(Correspondence::documentDate).isEqualTo(LocalDate.of(2026, 11, 9));
    }

    @Test
    void pagesNewestFirstAlongTheDateIndexWithoutGapsOrRepeats() throws Exception {
        List<Correspondence> made = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            // days repeat: the id breaks the tie, in the same direction as the date
            made.add(store.create(draft(i % 2 == 0 ? paris : berlin, Classification.values()[i % 3], TODAY.minusDays(i / 3), "رسالة " + i),
                    "amina"));
        }
        List<String> expected = made.stream().sorted(java.util.Comparator.comparing(Correspondence::documentDate)
                .thenComparing(Correspondence::id).reversed()).map(Correspondence::id).toList();
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            paged.addAll(store.find(query(Map.of("page", Integer.toString(page), "size", "3"))).items().stream().map(Correspondence::id).toList());
        }
        assertThat(paged).isEqualTo(expected);
        List<String> oldestFirst = store.find(query(Map.of("dir", "asc", "size", "20"))).items().stream().map(Correspondence::id).toList();
        List<String> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        assertThat(oldestFirst).as("the other direction, sorted by Derby").isEqualTo(reversed);
        List<String> parisOnly = store.find(query(Map.of("mission", paris.id(), "size", "20"))).items().stream().map(Correspondence::id).toList();
        assertThat(parisOnly).isEqualTo(expected.stream().filter(id -> made.stream().anyMatch(c -> c.id().equals(id) && c.missionId().equals(paris.id())))
                .toList());
    }

    @Test
    void aSearchPagesNewestFirstAndAPagePastTheEndIsEmptyWithTheTotal() throws Exception {
        List<Correspondence> found = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Correspondence letter = store.create(draft(i % 2 == 0 ? paris : berlin, Classification.CULTURAL, TODAY.minusDays(i % 4),
                    i % 3 == 0 ? "منتدى الإعلام العربي " + i : "أسبوع الثقافة العربية " + i), "amina");
            if (i % 3 != 0) {
                found.add(letter);
            }
        }
        List<String> expected = found.stream().sorted(java.util.Comparator.comparing(Correspondence::documentDate)
                .thenComparing(Correspondence::id).reversed()).map(Correspondence::id).toList();
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(store.find(query(Map.of("q", "اسبوع الثقافه", "page", Integer.toString(page), "size", "2"))).items().stream()
                    .map(Correspondence::id).toList());
        }
        assertThat(paged).isEqualTo(expected);

        var pastTheEnd = store.find(query(Map.of("q", "اسبوع الثقافه", "page", "7", "size", "2")));
        assertThat(pastTheEnd.items()).isEmpty();
        assertThat(pastTheEnd.total()).isEqualTo(found.size());
        assertThat(store.find(query(Map.of("q", "لا شيء يطابق هذا"))).total()).isZero();
        assertThat(store.find(CorrespondenceQuery.from(Map.of("q", "اسبوع الثقافه"), "BER")).items()).extracting(Correspondence::missionCode)
                .containsOnly("BER").hasSize((int) found.stream().filter(c -> c.missionId().equals(berlin.id())).count());
    }

    @Test
    void aMissionNodeSeesOnlyItsOwnMission() throws Exception {
        Correspondence ofBerlin = store.create(draft(berlin, Classification.MEDIA, LocalDate.of(2026, 11, 1), "مقابلة صحفية"), "omar");
        store.create(draft(paris, Classification.MEDIA, LocalDate.of(2026, 11, 1), "برنامج إذاعي"), "amina");

        assertThat(store.find(CorrespondenceQuery.from(Map.of(), "PAR")).items()).extracting(Correspondence::missionCode).containsOnly("PAR");
        assertThat(store.find(CorrespondenceQuery.from(Map.of("mission", berlin.id()), "PAR")).total()).isZero();
        assertThat(store.get(ofBerlin.id(), "PAR")).isEmpty();
        assertThat(store.get(ofBerlin.id(), null)).isPresent();
    }

    @Test
    void anEditFromAnOldVersionIsRefused() throws Exception {
        Correspondence c = store.create(draft(paris, Classification.OTHER, LocalDate.of(2026, 11, 1), "مذكرة"), "amina");
        store.update(c.id(), 1, draft(paris, Classification.OTHER, LocalDate.of(2026, 11, 1), "مذكرة معدلة"), "amina");
        assertThatThrownBy(() -> store.update(c.id(), 1, draft(paris, Classification.OTHER, LocalDate.of(2026, 11, 1), "قديم"), "omar"))
                .isInstanceOf(StaleEditException.class);
        assertThat(store.get(c.id(), null).orElseThrow().subject()).isEqualTo("مذكرة معدلة");
    }

    @Test
    void followUpsPastTheirDeadlineAreOverdueUntilDone() throws Exception {
        Correspondence c = store.create(draft(paris, Classification.POLITICAL, LocalDate.of(2026, 11, 1), "طلب موقف"), "amina");
        FollowUp late = store.addFollowUp(c.id(), "إعداد رد", "amina", LocalDate.of(2026, 11, 20), "chief");
        store.addFollowUp(c.id(), "إبلاغ البعثة", "omar", LocalDate.of(2026, 12, 5), "chief");

        assertThat(store.followUps(c.id())).filteredOn(f -> f.isOverdue(TODAY)).extracting(FollowUp::action).containsExactly("إعداد رد");
        store.setFollowUpStatus(late.id(), 1, FollowUpStatus.DONE, "amina");
        assertThat(store.followUps(c.id())).noneMatch(f -> f.isOverdue(TODAY));
        assertThatThrownBy(() -> store.setFollowUpStatus(late.id(), 1, FollowUpStatus.CANCELLED, "omar")).isInstanceOf(StaleEditException.class);
    }

    @Test
    void theFormRefusesWrongDatesAndClosingWithoutApproval() {
        CorrespondenceForm form = new CorrespondenceForm(Countries.standard());
        Map<String, String> f = new HashMap<>(Map.of("mission", paris.id(), "classification", "POLITICAL", "referenceNo", "PAR/2026/17",
                "subject", "تقرير", "documentDate", "2026-11-20", "receivedDate", "2026-11-10", "status", "CLOSED",
                "counterpart", "HOST_INSTITUTION"));
        Validation v = new Validation();
        assertThat(form.read(f, v, id -> id.equals(paris.id()) ? Optional.of(paris) : Optional.empty(), TODAY, false)).isNull();
        assertThat(v.errors()).containsOnlyKeys("receivedDate", "status", "counterpartName");
        assertThat(v.errors().get("receivedDate").messageKey()).isEqualTo("missions.validation.received-before");

        f.put("documentDate", "2027-01-01");
        f.put("mission", berlin.id());
        Validation v2 = new Validation();
        assertThat(form.read(f, v2, id -> id.equals(paris.id()) ? Optional.of(paris) : Optional.empty(), TODAY, true)).isNull();
        assertThat(v2.errors().get("documentDate").messageKey()).isEqualTo("missions.validation.future");
        assertThat(v2.errors().get("mission").messageKey()).isEqualTo("missions.validation.mission");

        Validation v3 = new Validation();
        f.putAll(Map.of("mission", paris.id(), "documentDate", "2026-11-01", "receivedDate", "", "counterpartName", "وزارة الخارجية"));
        CorrespondenceDraft draft = form.read(f, v3, id -> Optional.of(paris), TODAY, true);
        assertThat(v3.errors()).isEmpty();
        assertThat(draft.country()).isEqualTo("FR");
        assertThat(draft.status()).isEqualTo(CorrespondenceStatus.CLOSED);
    }

    private static CorrespondenceQuery query(Map<String, String> params) {
        return CorrespondenceQuery.from(params, null);
    }

    private static CorrespondenceDraft draft(Mission m, Classification k, LocalDate date, String subject) {
        return new CorrespondenceDraft(m.id(), Counterpart.HEADQUARTERS, null, k, m.country(), m.code() + "/" + date, date, null, subject,
                null, CorrespondenceStatus.OPEN);
    }

    private static MissionDraft mission(String code, String country, String name) {
        return new MissionDraft(code, MissionType.MISSION, country, "مدينة", LocalizedText.of(name, null, null), null, null, null, null,
                MissionStatus.ACTIVE, 30);
    }
}
