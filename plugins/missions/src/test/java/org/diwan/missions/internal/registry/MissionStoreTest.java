package org.diwan.missions.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.diwan.api.i18n.LocalizedText;
import org.diwan.api.reference.Countries;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.sync.TestSync;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's table on a real Derby database, migrated by the node's own migration code. */
class MissionStoreTest {

    @TempDir
    Path folder;

    private TestDatabase database;
    private MissionStore store;

    @BeforeEach
    void open() throws Exception {
        database = TestDatabase.create(folder);
        store = new MissionStore(database.migrate("missions"), Clock.systemUTC(), TestSync.none());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void createsAndReadsBackAnArabicRecord() throws Exception {
        Mission paris = store.create(draft("PAR", "FR", "بعثة جامعة الدول العربية في باريس"), "chief");
        assertThat(paris.version()).isEqualTo(1);
        assertThat(store.get(paris.id())).hasValueSatisfying(m -> {
            assertThat(m.name().ar()).isEqualTo("بعثة جامعة الدول العربية في باريس");
            assertThat(m.updatedBy()).isEqualTo("chief");
        });
        assertThat(store.get("not-a-uuid")).isEmpty();
    }

    @Test
    void findsBySpellingVariantFiltersSortsAndPages() throws Exception {
        for (int i = 0; i < 30; i++) {
            store.create(draft(String.format("M%02d", i), i % 2 == 0 ? "FR" : "DE", "بعثة رقم " + i), "chief");
        }
        store.create(draft("LIB", "IT", "مكتبة المركز الثقافي"), "chief");

        assertThat(store.find(query(Map.of("q", "مكتبه"))).items()).extracting(Mission::code).containsExactly("LIB");
        assertThat(store.find(query(Map.of("q", "بعثه رقم 7"))).total()).isEqualTo(1);
        assertThat(store.find(query(Map.of("q", "100%"))).total()).isZero();

        ListPage<Mission> germany = store.find(query(Map.of("country", "de", "sort", "code", "dir", "desc", "size", "10")));
        assertThat(germany.total()).isEqualTo(15);
        assertThat(germany.items()).hasSize(10).first().extracting(Mission::code).isEqualTo("M29");
        assertThat(germany.pages()).isEqualTo(2);

        ListPage<Mission> second = store.find(query(Map.of("country", "DE", "sort", "code", "dir", "desc", "size", "10", "page", "1")));
        assertThat(second.items()).hasSize(5).last().extracting(Mission::code).isEqualTo("M01");
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void anEditFromAnOldVersionIsRefusedAndChangesNothing() throws Exception {
        Mission paris = store.create(draft("PAR", "FR", "بعثة باريس"), "chief");
        Mission edited = store.update(paris.id(), 1, draft("PAR", "FR", "بعثة باريس الجديدة"), "amina");
        assertThat(edited.version()).isEqualTo(2);

        assertThatThrownBy(() -> store.update(paris.id(), 1, draft("PAR", "FR", "تعديل متأخر"), "omar"))
                .isInstanceOfSatisfying(StaleEditException.class, e -> assertThat(e.current(Mission.class).updatedBy()).isEqualTo("amina"));
        assertThat(store.get(paris.id()).orElseThrow().name().ar()).isEqualTo("بعثة باريس الجديدة");
    }

    @Test
    void aCodeBelongsToOneOffice() throws Exception {
        store.create(draft("PAR", "FR", "بعثة باريس"), "chief");
        assertThatThrownBy(() -> store.create(draft("PAR", "FR", "بعثة أخرى"), "chief")).isInstanceOf(DuplicateCodeException.class);
    }

    @Test
    void theFormRefusesBadInputFieldByField() {
        MissionForm form = new MissionForm(Countries.standard());
        Validation v = new Validation();
        MissionDraft draft = form.read(Map.of("code", "p a r", "type", "EMBASSY", "country", "XX", "city", "",
                "nameAr", "بعثة\u202Eباريس", "email", "nobody"), v);
        assertThat(draft).isNull();
        assertThat(v.errors()).containsOnlyKeys("code", "type", "country", "city", "nameAr", "email");
        assertThat(v.errors().get("country").messageKey()).isEqualTo("validation.country");
        assertThat(v.errors().get("nameAr").messageKey()).isEqualTo("validation.bidi");
    }

    private static MissionQuery query(Map<String, String> params) {
        return MissionQuery.from(params);
    }

    private static MissionDraft draft(String code, String country, String nameAr) {
        return new MissionDraft(code, MissionType.MISSION, country, "مدينة", LocalizedText.of(nameAr, null, null), null, null, null,
                null, MissionStatus.ACTIVE, 30);
    }
}
