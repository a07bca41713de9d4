package org.diwan.missions.internal;

import java.util.List;

import org.diwan.api.plugin.DiwanPlugin;
import org.diwan.api.plugin.NavEntry;
import org.diwan.api.plugin.PermissionDef;
import org.diwan.api.plugin.PluginDescriptor;
import org.osgi.service.component.annotations.Component;

/** The missions department as the shell sees it: its permissions per area and its pages. */
@Component(service = DiwanPlugin.class, property = DiwanPlugin.PLUGIN_PROPERTY + "=" + MissionsPlugin.ID)
public final class MissionsPlugin implements DiwanPlugin {

    public static final String ID = "missions";
    public static final String REGISTRY_READ = "missions:registry:read";
    public static final String REGISTRY_WRITE = "missions:registry:write";
    public static final String CORRESPONDENCE_READ = "missions:correspondence:read";
    public static final String CORRESPONDENCE_WRITE = "missions:correspondence:write";
    public static final String CORRESPONDENCE_APPROVE = "missions:correspondence:approve";
    public static final String MONITORING_READ = "missions:monitoring:read";
    public static final String MONITORING_WRITE = "missions:monitoring:write";
    public static final String MONITORING_APPROVE = "missions:monitoring:approve";
    public static final String BULLETIN_READ = "missions:bulletin:read";
    public static final String BULLETIN_WRITE = "missions:bulletin:write";
    public static final String BULLETIN_APPROVE = "missions:bulletin:approve";
    public static final String MEDIA_READ = "missions:media:read";
    public static final String MEDIA_WRITE = "missions:media:write";
    public static final String PLAN_READ = "missions:plan:read";
    public static final String PLAN_WRITE = "missions:plan:write";
    public static final String REPORT_READ = "missions:report:read";
    public static final String REPORT_WRITE = "missions:report:write";
    public static final String REPORT_APPROVE = "missions:report:approve";

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(ID, "globe",
            List.of(new PermissionDef(REGISTRY_READ),
                    new PermissionDef(REGISTRY_WRITE),
                    new PermissionDef(CORRESPONDENCE_READ),
                    new PermissionDef(CORRESPONDENCE_WRITE),
                    new PermissionDef(CORRESPONDENCE_APPROVE),
                    new PermissionDef(MONITORING_READ),
                    new PermissionDef(MONITORING_WRITE),
                    new PermissionDef(MONITORING_APPROVE),
                    new PermissionDef(BULLETIN_READ),
                    new PermissionDef(BULLETIN_WRITE),
                    new PermissionDef(BULLETIN_APPROVE),
                    new PermissionDef(MEDIA_READ),
                    new PermissionDef(MEDIA_WRITE),
                    new PermissionDef(PLAN_READ),
                    new PermissionDef(PLAN_WRITE),
                    new PermissionDef(REPORT_READ),
                    new PermissionDef(REPORT_WRITE),
                    new PermissionDef(REPORT_APPROVE)),
            List.of(new NavEntry("/diwan/missions/registry", "missions.nav.registry", REGISTRY_READ, 1),
                    new NavEntry("/diwan/missions/correspondence", "missions.nav.correspondence", CORRESPONDENCE_READ, 2),
                    new NavEntry("/diwan/missions/monitoring", "missions.nav.monitoring", MONITORING_READ, 3),
                    new NavEntry("/diwan/missions/bulletins", "missions.nav.bulletins", BULLETIN_READ, 4),
                    new NavEntry("/diwan/missions/media", "missions.nav.media", MEDIA_READ, 5),
                    new NavEntry("/diwan/missions/plan", "missions.nav.plan", PLAN_READ, 6),
                    new NavEntry("/diwan/missions/report", "missions.nav.report", REPORT_READ, 7)));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
