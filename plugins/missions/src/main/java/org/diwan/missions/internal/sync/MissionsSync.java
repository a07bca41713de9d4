package org.diwan.missions.internal.sync;

import java.sql.Connection;
import java.sql.SQLException;

import org.diwan.api.node.NodeInfo;
import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.SyncedTable;
import org.diwan.api.sync.SyncedTables;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The department's synced tables, declared, and the one capture its stores call in their transactions (the
 * platform reads the row and builds the payload: {@link SyncedTables}):
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
 * The rules of the department beside the platform's are in {@link MissionRules}; the tables are registered by
 * {@link MissionTables} and {@link BulletinTable}.
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

    /** A mission's code by its id. */
    static final String MISSION_CODE = "SELECT code FROM mission WHERE id = ?";
    /** The code of a piece of correspondence's mission, by the correspondence's id. */
    static final String CORRESPONDENCE_MISSION = "SELECT m.code FROM correspondence x JOIN mission m ON m.id = x.mission_id WHERE x.id = ?";

    public static final SyncedTable MISSIONS = SyncedTable.builder(MISSION, "mission", NodeRole.HQ).exportOrder("code").build();
    /** {@code search_key} is derived: each node computes its own, a third of a letter's bytes less on the link. */
    public static final SyncedTable LETTERS = SyncedTable.builder(CORRESPONDENCE, "correspondence", NodeRole.MISSION)
            .missionScope("mission_id", MISSION_CODE).localColumns("received_from", "search_key").ownerColumn("received_from")
            .exportOrder("document_date, id").build();
    /** An action is its correspondence's owner's: one on headquarters' own correspondence is refused. */
    public static final SyncedTable FOLLOW_UPS = SyncedTable.builder(FOLLOW_UP, "follow_up", NodeRole.MISSION)
            .missionScope("correspondence_id", CORRESPONDENCE_MISSION).localColumns("received_from").ownerColumn("received_from")
            .ownedThrough("correspondence_id", "correspondence", "received_from").exportOrder("correspondence_id, deadline, id").build();
    public static final SyncedTable MEDIA_ACTIVITIES = SyncedTable.builder(MEDIA, "media_activity", NodeRole.MISSION)
            .missionScope("mission_id", MISSION_CODE).localColumns("received_from").ownerColumn("received_from")
            .exportOrder("planned_on, id").build();
    /** Never edited (no version): the content travels on the files queue and keeps its id, so the row needs no change. */
    public static final SyncedTable ATTACHMENTS = SyncedTable.builder(ATTACHMENT, "correspondence_attachment", NodeRole.MISSION)
            .versionColumn(null).missionScope("correspondence_id", CORRESPONDENCE_MISSION)
            .ownedThrough("correspondence_id", "correspondence", "received_from").documentColumn("document_id")
            .exportOrder("created_at, id").build();
    /** Drafts stay at headquarters; the scores (no id of their own) travel with their evaluation and replace the stored ones. */
    public static final SyncedTable EVALUATIONS = SyncedTable.builder(EVALUATION, "evaluation", NodeRole.HQ)
            .missionScope("mission_id", MISSION_CODE).travelsWhen("status", "APPROVED").envelope("evaluation")
            .child("scores", "evaluation_score", "evaluation_id", null, "criterion").exportOrder("evaluated_on, id").build();
    public static final SyncedTable PLANS = SyncedTable.builder(PLAN, "action_plan", NodeRole.HQ).exportOrder("plan_year").build();
    public static final SyncedTable OBJECTIVES = SyncedTable.builder(PLAN_OBJECTIVE, "plan_objective", NodeRole.HQ)
            .references("plan_id", "action_plan").exportOrder("plan_id, position, id").build();
    public static final SyncedTable TASKS = SyncedTable.builder(PLAN_TASK, "plan_task", NodeRole.HQ)
            .references("objective_id", "plan_objective").exportOrder("objective_id, deadline, id").build();
    /** Items travel without their link to headquarters' correspondence, which the mission does not hold. */
    public static final SyncedTable BULLETINS = SyncedTable.builder(BULLETIN, "bulletin", NodeRole.HQ).travelsWhen("status", "ISSUED")
            .envelope("bulletin").child("items", "bulletin_item", "bulletin_id", "included = TRUE", "position, id", "correspondence_id")
            .exportOrder("month").build();

    private final SyncedTables tables;
    private final NodeInfo node;

    @Activate
    public MissionsSync(@Reference SyncedTables tables, @Reference NodeInfo node) {
        this.tables = tables;
        this.node = node;
    }

    /** Whether this node edits records that {@code owner} owns: the other side shows them read-only. */
    public boolean owns(NodeRole owner) {
        return node.role() == owner;
    }

    public void missionChanged(Connection c, String id) throws SQLException {
        tables.capture(c, MISSIONS, id);
    }

    public void correspondenceChanged(Connection c, String id) throws SQLException {
        tables.capture(c, LETTERS, id);
    }

    public void followUpChanged(Connection c, String id) throws SQLException {
        tables.capture(c, FOLLOW_UPS, id);
    }

    public void mediaActivityChanged(Connection c, String id) throws SQLException {
        tables.capture(c, MEDIA_ACTIVITIES, id);
    }

    /** An attachment's row, and its document's content on the files queue, for headquarters. */
    public void attachmentAdded(Connection c, String id) throws SQLException {
        tables.capture(c, ATTACHMENTS, id);
    }

    /** An approved evaluation, with its scores, for the mission it evaluates. */
    public void evaluationApproved(Connection c, String id) throws SQLException {
        tables.capture(c, EVALUATIONS, id);
    }

    public void planChanged(Connection c, String id) throws SQLException {
        tables.capture(c, PLANS, id);
    }

    public void planObjectiveChanged(Connection c, String id) throws SQLException {
        tables.capture(c, OBJECTIVES, id);
    }

    public void planTaskChanged(Connection c, String id) throws SQLException {
        tables.capture(c, TASKS, id);
    }

    /** An issued bulletin with its included items, for every mission. */
    public void bulletinIssued(Connection c, String id) throws SQLException {
        tables.capture(c, BULLETINS, id);
    }
}
