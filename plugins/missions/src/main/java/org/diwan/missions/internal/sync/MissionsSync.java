package org.diwan.missions.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diwan.api.node.NodeInfo;
import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncOutbox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The department's synced record types, their payloads, and the capture its stores call in their transactions:
 * <ul>
 * <li>{@value #MISSION} — the missions directory, owned by headquarters, sent to every mission;</li>
 * <li>{@value #CORRESPONDENCE} — correspondence and reports, owned by the mission that registers them;</li>
 * <li>{@value #ATTACHMENT} — correspondence attachments, owned by the mission, their content sent along on the
 * files queue;</li>
 * <li>{@value #FOLLOW_UP} — follow-up actions on correspondence, owned by the mission of their correspondence;</li>
 * <li>{@value #MEDIA} — media plan activities (MIS-7), planned and reported by the mission they belong to;</li>
 * <li>{@value #EVALUATION} — approved evaluations of a mission (MIS-3), owned by headquarters, sent to the mission
 * evaluated, with their scores;</li>
 * <li>{@value #PLAN}, {@value #PLAN_OBJECTIVE}, {@value #PLAN_TASK} — the plan of action (MIS-6), its objectives
 * and tasks, owned by headquarters, sent to every mission;</li>
 * <li>{@value #BULLETIN} — issued bulletins, owned by headquarters, sent to every mission, which renders its own
 * HTML and PDF from them.</li>
 * </ul>
 * Payloads are the rows as JSON ({@link RowCodec}); a bulletin's carries its included items too.
 */
@Component(service = MissionsSync.class)
public final class MissionsSync {

    public static final String MISSION = "missions.mission";
    public static final String CORRESPONDENCE = "missions.correspondence";
    public static final String BULLETIN = "missions.bulletin";
    public static final String ATTACHMENT = "missions.attachment";
    public static final String MEDIA = "missions.media";
    public static final String FOLLOW_UP = "missions.follow-up";
    public static final String EVALUATION = "missions.evaluation";
    public static final String PLAN = "missions.plan";
    public static final String PLAN_OBJECTIVE = "missions.plan-objective";
    public static final String PLAN_TASK = "missions.plan-task";

    static final RowCodec MISSIONS = new RowCodec("mission", Set.of());
    /** {@code search_key} is derived: each node computes its own, a third of a letter's bytes less on the link. */
    static final RowCodec LETTERS = new RowCodec("correspondence", Set.of("received_from", "search_key"));
    static final RowCodec FOLLOW_UPS = new RowCodec("follow_up", Set.of("received_from"));
    static final RowCodec MEDIA_ACTIVITIES = new RowCodec("media_activity", Set.of("received_from"));
    static final RowCodec EVALUATIONS = new RowCodec("evaluation", Set.of());
    /** Read only: scores have no id of their own and are stored again with their evaluation. */
    static final RowCodec SCORES = new RowCodec("evaluation_score", Set.of());
    static final RowCodec PLANS = new RowCodec("action_plan", Set.of());
    static final RowCodec OBJECTIVES = new RowCodec("plan_objective", Set.of());
    static final RowCodec TASKS = new RowCodec("plan_task", Set.of());
    static final RowCodec BULLETINS = new RowCodec("bulletin", Set.of());
    static final RowCodec ATTACHMENTS = new RowCodec("correspondence_attachment", Set.of());
    /** Items travel without their link to headquarters' correspondence, which the mission does not hold. */
    static final RowCodec ITEMS = new RowCodec("bulletin_item", Set.of("correspondence_id"));

    private final SyncOutbox outbox;
    private final NodeInfo node;

    @Activate
    public MissionsSync(@Reference SyncOutbox outbox, @Reference NodeInfo node) {
        this.outbox = outbox;
        this.node = node;
    }

    /** Whether this node edits records that {@code owner} owns: the other side shows them read-only. */
    public boolean owns(NodeRole owner) {
        return node.role() == owner;
    }

    /** The mission a captured row is addressed to, or {@code null} for every mission. */
    @FunctionalInterface
    private interface Addressee {
        String of(Connection c, ObjectNode row) throws SQLException;
    }

    private static final Addressee EVERY_MISSION = (c, row) -> null;
    private static final Addressee ITS_MISSION = (c, row) -> missionCode(c, row.path("mission_id").asText());

    /** Captures the row as it now stands, in the write's transaction. */
    private void captureRow(Connection c, String type, RowCodec codec, String id, Addressee addressee) throws SQLException {
        ObjectNode row = codec.read(c, id).orElseThrow(() -> new SQLException(type + " " + id + " not found after its write"));
        outbox.capture(c, new SyncChange(type, id, row.path("version").asLong(), addressee.of(c, row), row.toString()));
    }

    public void missionChanged(Connection c, String id) throws SQLException {
        captureRow(c, MISSION, MISSIONS, id, EVERY_MISSION);
    }

    public void correspondenceChanged(Connection c, String id) throws SQLException {
        captureRow(c, CORRESPONDENCE, LETTERS, id, ITS_MISSION);
    }

    public void followUpChanged(Connection c, String id) throws SQLException {
        captureRow(c, FOLLOW_UP, FOLLOW_UPS, id, (conn, row) -> correspondenceMission(conn, row.path("correspondence_id").asText()));
    }

    public void mediaActivityChanged(Connection c, String id) throws SQLException {
        captureRow(c, MEDIA, MEDIA_ACTIVITIES, id, ITS_MISSION);
    }

    /** An attachment's row, and its document's content on the files queue, for headquarters. */
    public void attachmentAdded(Connection c, String id) throws SQLException {
        ObjectNode row = ATTACHMENTS.read(c, id).orElseThrow(() -> new SQLException("attachment " + id + " not found after its write"));
        String mission = correspondenceMission(c, row.path("correspondence_id").asText());
        outbox.captureDocument(c, row.path("document_id").asText(), mission);
        outbox.capture(c, new SyncChange(ATTACHMENT, id, 1, mission, row.toString()));
    }

    /** The code of a piece of correspondence's mission, by the correspondence's id. */
    static final String CORRESPONDENCE_MISSION = "SELECT m.code FROM correspondence x JOIN mission m ON m.id = x.mission_id WHERE x.id = ?";

    static String correspondenceMission(Connection c, String correspondenceId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CORRESPONDENCE_MISSION)) {
            s.setString(1, correspondenceId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** An approved evaluation, for the mission it evaluates. */
    public void evaluationApproved(Connection c, String id) throws SQLException {
        outbox.capture(c, evaluationChange(c, id));
    }

    static SyncChange evaluationChange(Connection c, String id) throws SQLException {
        ObjectNode row = EVALUATIONS.read(c, id).orElseThrow(() -> new SQLException("evaluation " + id + " not found after its write"));
        ArrayNode scores = JsonNodeFactory.instance.arrayNode();
        scores.addAll(SCORES.readWhere(c, "evaluation_id = ? ORDER BY criterion", id));
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.set("evaluation", row);
        payload.set("scores", scores);
        return new SyncChange(EVALUATION, id, row.path("version").asLong(), missionCode(c, row.path("mission_id").asText()), payload.toString());
    }

    public void planChanged(Connection c, String id) throws SQLException {
        captureRow(c, PLAN, PLANS, id, EVERY_MISSION);
    }

    public void planObjectiveChanged(Connection c, String id) throws SQLException {
        captureRow(c, PLAN_OBJECTIVE, OBJECTIVES, id, EVERY_MISSION);
    }

    public void planTaskChanged(Connection c, String id) throws SQLException {
        captureRow(c, PLAN_TASK, TASKS, id, EVERY_MISSION);
    }

    public void bulletinIssued(Connection c, String id) throws SQLException {
        outbox.capture(c, bulletinChange(c, id));
    }

    static SyncChange bulletinChange(Connection c, String id) throws SQLException {
        ObjectNode row = BULLETINS.read(c, id).orElseThrow(() -> new SQLException("bulletin " + id + " not found after its write"));
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        includedItems(c, id, items);
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.set("bulletin", row);
        payload.set("items", items);
        return new SyncChange(BULLETIN, id, row.path("version").asLong(), null, payload.toString());
    }

    private static void includedItems(Connection c, String bulletinId, ArrayNode into) throws SQLException {
        into.addAll(ITEMS.readWhere(c, "bulletin_id = ? AND included = TRUE ORDER BY position, id", bulletinId));
    }

    /** A mission's code by its id. */
    static final String MISSION_CODE = "SELECT code FROM mission WHERE id = ?";
    /** The rows of one mission by its code (the one parameter), for a table with {@code mission_id}. */
    static final String OF_MISSION = "mission_id IN (SELECT id FROM mission WHERE code = ?)";

    static String missionCode(Connection c, String missionId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(MISSION_CODE)) {
            s.setString(1, missionId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
