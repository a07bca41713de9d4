package org.diwan.missions.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.diwan.api.sync.Applied;
import org.diwan.api.sync.SyncChange;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node on the release before table sync and one on the platform's exchange records: payloads exactly as the
 * missions plugin's own codec wrote them (every column but the local ones, in the table's order; an evaluation in
 * its envelope with its scores) are stored, and the platform's capture of the stored rows writes them back field
 * for field.
 */
class WireFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TUN = "11111111-1111-1111-1111-111111111111";
    private static final String LETTER = "22222222-2222-2222-2222-222222222222";
    private static final String EVALUATION = "33333333-3333-3333-3333-333333333333";

    /** As the release before sent a directory entry (headquarters to every mission). */
    private static final String OLD_MISSION = "{\"id\":\"" + TUN + "\",\"code\":\"TUN\",\"mission_type\":\"MISSION\",\"country\":\"TN\","
            + "\"city\":\"تونس\",\"name_ar\":\"بعثة تونس\",\"name_en\":\"Tunis mission\",\"name_fr\":null,\"head_of_mission\":null,"
            + "\"email\":null,\"phone\":null,\"address\":null,\"status\":\"ACTIVE\",\"search_key\":\"بعثه تونس tunis\",\"version\":3,"
            + "\"created_at\":\"2026-01-05T08:00:00Z\",\"created_by\":\"chief\",\"updated_at\":\"2026-11-30T12:15:30.250Z\","
            + "\"updated_by\":\"chief\",\"report_every_days\":30}";
    /** As the release before sent a letter (a mission to headquarters): no received_from, no search_key. */
    private static final String OLD_LETTER = "{\"id\":\"" + LETTER + "\",\"mission_id\":\"" + TUN + "\",\"counterpart\":\"MINISTRY\","
            + "\"counterpart_name\":\"وزارة الخارجية\",\"classification\":\"REPORT\",\"country\":\"TN\",\"reference_no\":\"TUN/2026/17\","
            + "\"document_date\":\"2026-12-01\",\"received_date\":null,\"subject\":\"تقرير شهري\",\"summary\":\"ملخص\","
            + "\"status\":\"REGISTERED\",\"version\":2,\"created_at\":\"2026-12-01T09:00:00Z\",\"created_by\":\"clerk\","
            + "\"updated_at\":\"2026-12-02T10:30:00Z\",\"updated_by\":\"clerk\"}";
    /** As the release before sent an approved evaluation (headquarters to the mission evaluated). */
    private static final String OLD_EVALUATION = "{\"evaluation\":{\"id\":\"" + EVALUATION + "\",\"mission_id\":\"" + TUN + "\","
            + "\"period\":\"2026-H2\",\"evaluated_on\":\"2026-11-20\",\"evaluator\":\"evaluator\",\"comments\":\"تقييم نصف سنوي\","
            + "\"status\":\"APPROVED\",\"version\":2,\"created_at\":\"2026-11-20T09:00:00Z\",\"created_by\":\"evaluator\","
            + "\"updated_at\":\"2026-11-21T09:00:00Z\",\"updated_by\":\"director\"},\"scores\":["
            + "{\"evaluation_id\":\"" + EVALUATION + "\",\"criterion\":\"FINANCIAL_MANAGEMENT\",\"score\":2,\"comment_text\":null},"
            + "{\"evaluation_id\":\"" + EVALUATION + "\",\"criterion\":\"REPORT_TIMELINESS\",\"score\":4,\"comment_text\":\"تقارير منتظمة\"}]}";

    @TempDir
    Path folder;

    private TestDatabase database;
    private DataSource node;

    @BeforeEach
    void open() throws Exception {
        database = TestDatabase.create(folder);
        node = database.migrate("missions");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void payloadsOfTheReleaseBeforeAreStoredAndCapturedBackFieldForField() throws Exception {
        assertThat(TestSync.type(MissionsSync.MISSIONS, node).apply(new SyncChange(MissionsSync.MISSION, TUN, 3, null, OLD_MISSION)))
                .isEqualTo(Applied.APPLIED);
        assertThat(TestSync.type(MissionsSync.LETTERS, node).apply(new SyncChange(MissionsSync.CORRESPONDENCE, LETTER, 2, "TUN", OLD_LETTER)))
                .isEqualTo(Applied.APPLIED);
        assertThat(TestSync.type(MissionsSync.EVALUATIONS, node)
                .apply(new SyncChange(MissionsSync.EVALUATION, EVALUATION, 2, "TUN", OLD_EVALUATION))).isEqualTo(Applied.APPLIED);

        try (Connection c = node.getConnection()) {
            assertThat(JSON.readTree(TestSync.row(c, MissionsSync.MISSIONS, TUN))).isEqualTo(JSON.readTree(OLD_MISSION));
            assertThat(JSON.readTree(TestSync.row(c, MissionsSync.LETTERS, LETTER))).isEqualTo(JSON.readTree(OLD_LETTER));
            assertThat(JSON.readTree(TestSync.row(c, MissionsSync.EVALUATIONS, EVALUATION))).isEqualTo(JSON.readTree(OLD_EVALUATION));
        }
    }
}
