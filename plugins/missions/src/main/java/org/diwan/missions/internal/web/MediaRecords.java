package org.diwan.missions.internal.web;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diwan.api.web.record.Column;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.web.record.ListQuery;
import org.diwan.api.web.record.Outcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.web.record.RecordEditor;
import org.diwan.api.web.record.RecordPagesSpec;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.media.MediaActivity;
import org.diwan.missions.internal.media.MediaService;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionQuery;
import org.diwan.missions.internal.registry.MissionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The media plan abroad (MIS-7) on the shell's record pages. The list is a year's plan, of every office or one, with
 * what each office planned against what it reported; a new record is a planned activity, and an activity's edit is
 * its report (done with the day it was held, or cancelled). What a mission's node planned is read-only at headquarters.
 */
@Component(service = {RecordEditor.class, MediaRecords.class}, property = "diwan.plugin=" + MissionsPlugin.ID)
public final class MediaRecords implements RecordEditor<MediaActivity> {

    static final String BASE = "/diwan/missions/media";
    static final String YEAR = "year";
    static final String MISSION = "mission";
    /** The plan's fields (new activity) and the report's (edit): the shell hands each save only these. */
    static final List<String> PLAN_FIELDS = List.of("mission", "kind", "title", "plannedOn");
    static final List<String> REPORT_FIELDS = List.of("status", "heldOn", "audience", "report");
    private static final RecordPagesSpec SPEC = RecordPagesSpec.at(BASE)
            .permissions(MissionsPlugin.MEDIA_READ, MissionsPlugin.MEDIA_WRITE)
            .templates("missions/media")
            .columns(Column.sortable("plannedOn", "missions.media.planned-on"), Column.plain("mission", "missions.field.mission"),
                    Column.plain("kind", "missions.media.kind").coded("missions.media.kind."), Column.plain("title", "missions.media.activity"),
                    Column.plain("status", "missions.field.status").coded("missions.media.status."),
                    Column.plain("heldOn", "missions.media.held-on"), Column.plain("audience", "missions.media.audience"))
            .filters(YEAR, MISSION)
            .sortedBy("plannedOn", false)
            // a year's plan is read whole, as one table
            .pageSize(RecordPagesSpec.MAX_PAGE_SIZE)
            .formFields(java.util.stream.Stream.concat(PLAN_FIELDS.stream(), REPORT_FIELDS.stream()).toArray(String[]::new))
            .build();

    private final MediaService media;
    private final MissionRegistry registry;

    @Activate
    public MediaRecords(@Reference MediaService media, @Reference MissionRegistry registry) {
        this.media = media;
        this.registry = registry;
    }

    @Override
    public RecordPagesSpec spec() {
        return SPEC;
    }

    /** The year's activities (this year unless the filter names another), of one office when filtered, by planned day. */
    @Override
    public ListPage<MediaActivity> list(ListQuery query, PageRequest request) throws SQLException {
        List<MediaActivity> year = new ArrayList<>(media.year(year(query.filter(YEAR)), query.filter(MISSION)));
        if (query.descending()) {
            year.sort(Comparator.comparing(MediaActivity::plannedOn).reversed().thenComparing(MediaActivity::id));
        }
        int from = Math.min(query.offset(), year.size());
        return new ListPage<>(year.subList(from, Math.min(from + query.size(), year.size())), year.size(), query.page(), query.size());
    }

    @Override
    public Optional<MediaActivity> find(String id, PageRequest request) throws SQLException {
        return media.get(id);
    }

    @Override
    public Map<String, Object> view(MediaActivity a, PageRequest request) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", a.id());
        row.put("mission", a.missionName().in(request.language()));
        row.put("missionCode", a.missionCode());
        row.put("kind", a.kind().name());
        row.put("title", a.title());
        row.put("plannedOn", request.day(a.plannedOn()));
        row.put("status", a.status().name());
        row.put("heldOn", a.heldOn() == null ? null : request.day(a.heldOn()));
        row.put("audience", a.audience() == null ? null : request.number(a.audience()));
        row.put("report", a.report());
        row.put("version", a.version());
        row.put("updatedBy", a.updatedBy());
        row.put("updatedAt", request.dateTime(a.updatedAt()));
        row.put("receivedFrom", a.receivedFrom());
        return row;
    }

    /** The report's form as the activity stands. */
    @Override
    public Map<String, String> fields(MediaActivity a) {
        Map<String, String> f = new HashMap<>();
        f.put("status", a.status().name());
        f.put("heldOn", a.heldOn() == null ? "" : a.heldOn().toString());
        f.put("audience", a.audience() == null ? "" : a.audience().toString());
        f.put("report", a.report() == null ? "" : a.report());
        return f;
    }

    /** The activity's page carries its report form, filled as the activity stands. */
    @Override
    public Map<String, Object> details(MediaActivity a, PageRequest request) {
        return Map.of("f", fields(a));
    }

    @Override
    public Map<String, String> defaults(PageRequest request) {
        return Map.of("plannedOn", media.today().toString());
    }

    /**
     * The select boxes of every page; on the list also the year shown and, per office, what it planned against what it
     * did or cancelled that year (the plan's summary, over the whole year whatever page is shown).
     */
    @Override
    public Map<String, Object> choices(PageRequest request) {
        Map<String, Object> choices = new HashMap<>();
        choices.put("missions", missionsInScope().stream().map(m -> Map.of("id", m.id(), "name", m.nameIn(request.language()))).toList());
        choices.put("kinds", List.of(MediaActivity.Kind.values()).stream().map(Enum::name).toList());
        choices.put("statuses", List.of(MediaActivity.Status.values()).stream().map(Enum::name).toList());
        choices.put("todayIso", media.today().toString());
        if (request.path().isEmpty()) {
            int year = year(request.param(YEAR));
            choices.put("year", year);
            choices.put("summary", summary(year, request));
        }
        return choices;
    }

    @Override
    public Outcome<MediaActivity> create(Map<String, String> fields, PageRequest request) throws SQLException {
        return Outcome.from(MediaActivity.class, v -> media.plan(fields, v, request.actor(), request.address()));
    }

    @Override
    public Outcome<MediaActivity> update(MediaActivity current, int version, Map<String, String> fields, PageRequest request)
            throws SQLException {
        return Outcome.from(MediaActivity.class, v -> media.report(current, version, fields, v, request.actor(), request.address()));
    }

    /** A mission node's activity is reported there: headquarters reads it only. */
    @Override
    public Optional<String> readOnlyHere(Optional<MediaActivity> record) {
        return record.filter(a -> !a.editableHere()).map(a -> "missions.sync.readOnly");
    }

    private List<Map<String, Object>> summary(int year, PageRequest request) {
        try {
            List<Map<String, Object>> summary = new ArrayList<>();
            media.summary(media.year(year, request.param(MISSION))).forEach((code, counts) -> summary.add(Map.of("code", code,
                    "planned", request.number(counts.values().stream().mapToInt(Integer::intValue).sum()),
                    "done", request.number(counts.getOrDefault(MediaActivity.Status.DONE, 0)),
                    "cancelled", request.number(counts.getOrDefault(MediaActivity.Status.CANCELLED, 0)))));
            return summary;
        } catch (SQLException e) {
            throw new IllegalStateException("media plan unreadable", e);
        }
    }

    private List<Mission> missionsInScope() {
        try {
            return registry.find(new MissionQuery(null, null, null, null, MissionQuery.Sort.NAME, false, 0, MissionQuery.MAX_SIZE)).items()
                    .stream().filter(m -> media.scope().map(code -> code.equals(m.code())).orElse(true)).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("missions unreadable", e);
        }
    }

    /** The year a filter names, within the years the records can hold; this year otherwise. */
    private int year(String raw) {
        if (raw != null && raw.matches("\\d{4}")) {
            int year = Integer.parseInt(raw);
            if (year >= 1900 && year <= 2200) {
                return year;
            }
        }
        return media.today().getYear();
    }
}
