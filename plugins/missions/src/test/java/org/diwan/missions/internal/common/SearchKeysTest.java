package org.diwan.missions.internal.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import org.diwan.api.i18n.ArabicText;
import org.diwan.api.i18n.LocalizedText;
import org.diwan.missions.internal.correspondence.Classification;
import org.diwan.missions.internal.correspondence.Correspondence;
import org.diwan.missions.internal.correspondence.CorrespondenceDraft;
import org.diwan.missions.internal.correspondence.CorrespondenceQuery;
import org.diwan.missions.internal.correspondence.CorrespondenceStatus;
import org.diwan.missions.internal.correspondence.CorrespondenceStore;
import org.diwan.missions.internal.correspondence.Counterpart;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionDraft;
import org.diwan.missions.internal.registry.MissionQuery;
import org.diwan.missions.internal.registry.MissionStatus;
import org.diwan.missions.internal.registry.MissionStore;
import org.diwan.missions.internal.registry.MissionType;
import org.diwan.missions.internal.sync.TestSync;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search keys made with an older folding are made again, so that a word typed with Arabic letters finds older records. */
class SearchKeysTest {

    @TempDir
    Path folder;

    private TestDatabase database;
    private DataSource data;
    private MissionStore missions;
    private CorrespondenceStore letters;

    @BeforeEach
    void open() throws Exception {
        database = TestDatabase.create(folder);
        data = database.migrate("missions");
        missions = new MissionStore(data, Clock.systemUTC(), TestSync.none());
        letters = new CorrespondenceStore(data, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void keysOfAnOlderFoldingAreMadeAgainOnceAndTheVersionStoredLast() throws Exception {
        Mission kabul = missions.create(new MissionDraft("KBL", MissionType.MISSION, "AF", "کابل", LocalizedText.of("بعثة کابل", null, null), null,
                null, null, null, MissionStatus.ACTIVE, 30), "chief");
        Correspondence letter = letters.create(new CorrespondenceDraft(kabul.id(), Counterpart.HEADQUARTERS, null, Classification.CULTURAL, "AF",
                "KBL/1", LocalDate.of(2026, 11, 2), null, "هفته فرهنگ عربی در کابل", null, CorrespondenceStatus.OPEN), "chief");
        // as the first folding left them: the Persian letters unfolded, and the table saying so
        execute("UPDATE mission SET search_key = 'kbl بعثة کابل کابل'");
        execute("UPDATE correspondence SET search_key = 'kbl/1 هفته فرهنگ عربی در کابل'");
        execute("UPDATE search_key_fold SET version = 1");
        assertThat(letters.find(CorrespondenceQuery.from(Map.of("q", "كابل"), null)).total()).isZero();

        new SearchKeys(data).renewIfStale();

        assertThat(letters.find(CorrespondenceQuery.from(Map.of("q", "كابل"), null)).items()).extracting(Correspondence::id)
                .containsExactly(letter.id());
        assertThat(letters.find(CorrespondenceQuery.from(Map.of("q", "عربي"), null)).total()).isEqualTo(1);
        assertThat(missions.find(new MissionQuery("بعثة كابل", null, null, null, MissionQuery.Sort.NAME, false, 0, 10)).items())
                .extracting(Mission::id).containsExactly(kabul.id());
        assertThat(queryText("SELECT CAST(version AS CHAR(4)) FROM search_key_fold").strip()).isEqualTo(Integer.toString(ArabicText.FOLD_VERSION));

        // made once: a start with the current version leaves the keys alone
        execute("UPDATE correspondence SET search_key = 'untouched'");
        new SearchKeys(data).renewIfStale();
        assertThat(queryText("SELECT search_key FROM correspondence")).isEqualTo("untouched");
    }

    private void execute(String sql) throws Exception {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }

    private String queryText(String sql) throws Exception {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
