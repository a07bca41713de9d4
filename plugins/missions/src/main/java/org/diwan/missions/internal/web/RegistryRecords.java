package org.diwan.missions.internal.web;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diwan.api.node.NodeRole;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.api.reference.Countries;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.record.ApiField;
import org.diwan.api.web.record.Column;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.web.record.ListQuery;
import org.diwan.api.web.record.Outcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.web.record.RecordEditor;
import org.diwan.api.web.record.RecordPagesSpec;
import org.diwan.api.web.record.RecordResource;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionForm;
import org.diwan.missions.internal.registry.MissionQuery;
import org.diwan.missions.internal.registry.MissionRegistry;
import org.diwan.missions.internal.registry.MissionStatus;
import org.diwan.missions.internal.registry.MissionType;
import org.diwan.missions.internal.sync.MissionsSync;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The registry's rules for the shell's record pages and JSON API (MIS-1): its list, its office page, its form and its
 * JSON form. The registry is headquarters' to edit; a mission node shows the copy it receives.
 */
@Component(service = {RecordEditor.class, RecordResource.class, RegistryRecords.class}, property = "diwan.plugin=" + MissionsPlugin.ID)
public final class RegistryRecords implements RecordResource<Mission> {

    static final String BASE = "/diwan/missions/registry";
    static final String API = "/api/missions/missions";
    private static final RecordPagesSpec SPEC = RecordPagesSpec.at(BASE)
            .permissions(MissionsPlugin.REGISTRY_READ, MissionsPlugin.REGISTRY_WRITE)
            .templates("missions/registry")
            .columns(Column.sortable("code", "missions.field.code"), Column.sortable("name", "missions.field.name"),
                    Column.sortable("type", "missions.field.type").coded("missions.type."), Column.sortable("country", "missions.field.country"),
                    Column.sortable("city", "missions.field.city"), Column.sortable("status", "missions.field.status").coded("missions.status."))
            .filters("type", "country", "status")
            .sortedBy("name", false)
            .formFields("code", "type", "country", "city", "nameAr", "nameEn", "nameFr", "head", "email", "phone", "address", "status",
                    "reportEveryDays")
            .build();

    private final MissionRegistry registry;
    private final MissionsSync sync;
    private final Countries countries = Countries.standard();

    @Activate
    public RegistryRecords(@Reference MissionRegistry registry, @Reference MissionsSync sync) {
        this.registry = registry;
        this.sync = sync;
    }

    @Override
    public RecordPagesSpec spec() {
        return SPEC;
    }

    @Override
    public String apiBase() {
        return API;
    }

    @Override
    public String title() {
        return "Missions registry";
    }

    @Override
    public List<ApiField> schema() {
        return List.of(ApiField.readOnly("id", ApiField.Type.TEXT), ApiField.text("code", true), ApiField.code("type", true, MissionType.class),
                ApiField.text("country", true), ApiField.text("city", true), ApiField.text("nameAr", true), ApiField.text("nameEn", false),
                ApiField.text("nameFr", false), ApiField.text("head", false), ApiField.text("email", false), ApiField.text("phone", false),
                ApiField.text("address", false), ApiField.code("status", true, MissionStatus.class), ApiField.integer("reportEveryDays", false),
                ApiField.readOnly("version", ApiField.Type.INTEGER), ApiField.readOnly("updatedAt", ApiField.Type.DATE_TIME),
                ApiField.readOnly("updatedBy", ApiField.Type.TEXT));
    }

    @Override
    public Map<String, Object> json(Mission m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", m.id());
        o.put("code", m.code());
        o.put("type", m.type().name());
        o.put("country", m.country());
        o.put("city", m.city());
        o.put("nameAr", m.name().ar());
        o.put("nameEn", m.name().en());
        o.put("nameFr", m.name().fr());
        o.put("head", m.headOfMission());
        o.put("email", m.email());
        o.put("phone", m.phone());
        o.put("address", m.address());
        o.put("status", m.status().name());
        o.put("reportEveryDays", m.reportEveryDays());
        o.put("version", m.version());
        o.put("updatedAt", m.updatedAt().toString());
        o.put("updatedBy", m.updatedBy());
        return o;
    }

    @Override
    public ListPage<Mission> list(ListQuery query, PageRequest request) throws SQLException {
        return registry.find(MissionQuery.from(query.asParameters()));
    }

    @Override
    public Optional<Mission> find(String id, PageRequest request) throws SQLException {
        return registry.get(id);
    }

    @Override
    public String id(Mission mission) {
        return mission.id();
    }

    @Override
    public int version(Mission mission) {
        return mission.version();
    }

    @Override
    public Map<String, Object> view(Mission m, PageRequest request) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", m.id());
        row.put("code", m.code());
        row.put("type", m.type().name());
        row.put("country", countries.name(m.country(), request.language()));
        row.put("countryCode", m.country());
        row.put("city", m.city());
        row.put("name", m.nameIn(request.language()));
        row.put("nameAr", m.name().ar());
        row.put("nameEn", m.name().en());
        row.put("nameFr", m.name().fr());
        row.put("head", m.headOfMission());
        row.put("email", m.email());
        row.put("phone", m.phone());
        row.put("address", m.address());
        row.put("status", m.status().name());
        row.put("reportEveryDays", m.reportEveryDays());
        row.put("updatedAt", request.dateTime(m.updatedAt()));
        row.put("updatedBy", m.updatedBy());
        return row;
    }

    @Override
    public Map<String, String> fields(Mission m) {
        Map<String, String> f = new HashMap<>();
        f.put("code", m.code());
        f.put("type", m.type().name());
        f.put("country", m.country());
        f.put("city", m.city());
        f.put("nameAr", m.name().ar());
        f.put("nameEn", nz(m.name().en()));
        f.put("nameFr", nz(m.name().fr()));
        f.put("head", nz(m.headOfMission()));
        f.put("email", nz(m.email()));
        f.put("phone", nz(m.phone()));
        f.put("address", nz(m.address()));
        f.put("status", m.status().name());
        f.put("reportEveryDays", Integer.toString(m.reportEveryDays()));
        return f;
    }

    @Override
    public Map<String, String> defaults(PageRequest request) {
        return Map.of("type", MissionType.MISSION.name(), "status", MissionStatus.ACTIVE.name(), "reportEveryDays",
                Integer.toString(MissionForm.DEFAULT_REPORT_EVERY_DAYS));
    }

    @Override
    public Map<String, Object> choices(PageRequest request) {
        return Map.of("countries", countries.sortedFor(request.language()).stream()
                        .map(c -> Map.of("code", c.code(), "name", c.name().in(request.language()))).toList(),
                "types", List.of(MissionType.values()).stream().map(Enum::name).toList(),
                "statuses", List.of(MissionStatus.values()).stream().map(Enum::name).toList());
    }

    @Override
    public Outcome<Mission> create(Map<String, String> fields, PageRequest request) throws SQLException {
        Validation v = new Validation();
        Optional<Mission> created = registry.create(fields, v, request.actor(), request.address());
        return created.isPresent() ? Outcome.saved(created.get()) : Outcome.invalid(v);
    }

    @Override
    public Outcome<Mission> update(Mission current, int version, Map<String, String> fields, PageRequest request) throws SQLException {
        Validation v = new Validation();
        try {
            Optional<Mission> saved = registry.update(current.id(), version, fields, v, request.actor(), request.address());
            return saved.isPresent() ? Outcome.saved(saved.get()) : Outcome.invalid(v);
        } catch (StaleEditException stale) {
            Mission now = stale.current(Mission.class);
            return new Outcome.Stale<>(now, now.updatedBy(), now.updatedAt());
        }
    }

    @Override
    public Optional<String> readOnlyHere(Optional<Mission> record) {
        return sync.owns(NodeRole.HQ) ? Optional.empty() : Optional.of("missions.sync.readOnly");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
