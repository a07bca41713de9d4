package org.diwan.missions.internal.web;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diwan.api.web.record.ApiField;
import org.diwan.api.web.record.Column;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.web.record.ListQuery;
import org.diwan.api.web.record.Outcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.web.record.RecordPagesSpec;
import org.diwan.api.web.record.RecordResource;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionQuery;
import org.diwan.missions.internal.registry.MissionRegistry;
import org.diwan.missions.internal.registry.MissionStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The directory of the League's offices abroad as the public may read it (MIS-1), for the website and anyone who
 * asks: {@code /api/missions/public/missions}, open without sign-in. Only offices at work, and only how to reach
 * them: names, country, city, address, telephone and e-mail. Nothing of the registry's own keeping is shown: not the
 * head of mission's name (kept off the bus too), the reporting interval, who changed what, nor suspended or closed
 * offices.
 */
@Component(service = {RecordResource.class, PublicDirectory.class}, property = "diwan.plugin=" + MissionsPlugin.ID)
public final class PublicDirectory implements RecordResource<Mission> {

    static final String API = "/api/missions/public/missions";
    private static final RecordPagesSpec SPEC = RecordPagesSpec.at(API)
            .permissions(RecordPagesSpec.ANYONE, MissionsPlugin.REGISTRY_WRITE)
            .templates("missions/registry")
            .columns(Column.sortable("code", "missions.field.code"), Column.sortable("name", "missions.field.name"),
                    Column.sortable("country", "missions.field.country"), Column.sortable("city", "missions.field.city"))
            .filters("type", "country")
            .sortedBy("name", false)
            .build();

    /** What the public may read of an office: how to reach it. */
    private static final List<String> PUBLIC_MEMBERS = List.of("id", "code", "type", "country", "city", "nameAr", "nameEn", "nameFr", "email",
            "phone", "address");

    private final MissionRegistry offices;
    private final RegistryRecords registry;

    @Activate
    public PublicDirectory(@Reference MissionRegistry offices, @Reference RegistryRecords registry) {
        this.offices = offices;
        this.registry = registry;
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
        return "Missions directory (public)";
    }

    /** The registry's members the public may read, as the registry's own API writes them. */
    @Override
    public List<ApiField> schema() {
        return registry.schema().stream().filter(field -> PUBLIC_MEMBERS.contains(field.name())).toList();
    }

    @Override
    public Map<String, Object> json(Mission m) {
        Map<String, Object> all = registry.json(m);
        Map<String, Object> shown = new LinkedHashMap<>();
        PUBLIC_MEMBERS.forEach(member -> shown.put(member, all.get(member)));
        return shown;
    }

    @Override
    public ListPage<Mission> list(ListQuery query, PageRequest request) throws SQLException {
        Map<String, String> params = new HashMap<>(query.asParameters());
        // whatever the caller asks: offices at work only
        params.put("status", MissionStatus.ACTIVE.name());
        return offices.find(MissionQuery.from(params));
    }

    @Override
    public Optional<Mission> find(String id, PageRequest request) throws SQLException {
        return offices.get(id).filter(m -> m.status() == MissionStatus.ACTIVE);
    }

    @Override
    public String id(Mission mission) {
        return mission.id();
    }

    @Override
    public int version(Mission mission) {
        return mission.version();
    }

    /** The API's form: the directory has no pages of its own. */
    @Override
    public Map<String, Object> view(Mission mission, PageRequest request) {
        return json(mission);
    }

    @Override
    public Map<String, String> fields(Mission mission) {
        return Map.of();
    }

    /** Never called: records anyone may read are never written through them (the shell answers 405). */
    @Override
    public Outcome<Mission> create(Map<String, String> fields, PageRequest request) {
        throw new UnsupportedOperationException("the public directory is read only");
    }

    /** Never called, as {@link #create}. */
    @Override
    public Outcome<Mission> update(Mission current, int version, Map<String, String> fields, PageRequest request) {
        throw new UnsupportedOperationException("the public directory is read only");
    }
}
