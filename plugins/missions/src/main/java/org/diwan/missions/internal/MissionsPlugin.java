package org.diwan.missions.internal;

import java.util.List;

import org.diwan.api.i18n.LocalizedText;
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

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(ID,
            LocalizedText.of("إدارة البعثات", "Missions", "Missions"), "globe",
            List.of(new PermissionDef(REGISTRY_READ, LocalizedText.of("الاطلاع على سجل البعثات", "Read the missions registry",
                            "Consulter le registre des missions")),
                    new PermissionDef(REGISTRY_WRITE, LocalizedText.of("تعديل سجل البعثات", "Edit the missions registry",
                            "Modifier le registre des missions")),
                    new PermissionDef(CORRESPONDENCE_READ, LocalizedText.of("الاطلاع على المراسلات والتقارير",
                            "Read correspondence and reports", "Consulter la correspondance et les rapports")),
                    new PermissionDef(CORRESPONDENCE_WRITE, LocalizedText.of("تسجيل المراسلات ومتابعتها", "Register and follow up correspondence",
                            "Enregistrer et suivre la correspondance")),
                    new PermissionDef(CORRESPONDENCE_APPROVE, LocalizedText.of("إقفال المراسلات", "Close correspondence",
                            "Clôturer la correspondance")),
                    new PermissionDef(MONITORING_READ, LocalizedText.of("الاطلاع على متابعة البعثات وتقييمها", "Read monitoring and evaluations",
                            "Consulter le suivi et les évaluations")),
                    new PermissionDef(MONITORING_WRITE, LocalizedText.of("تسجيل تقييمات البعثات", "Record evaluations",
                            "Enregistrer les évaluations")),
                    new PermissionDef(MONITORING_APPROVE, LocalizedText.of("اعتماد تقييمات البعثات", "Approve evaluations",
                            "Approuver les évaluations")),
                    new PermissionDef(BULLETIN_READ, LocalizedText.of("الاطلاع على النشرة الشهرية", "Read the monthly bulletin",
                            "Consulter le bulletin mensuel")),
                    new PermissionDef(BULLETIN_WRITE, LocalizedText.of("إعداد النشرة الشهرية وتحريرها", "Prepare and edit the monthly bulletin",
                            "Préparer et rédiger le bulletin mensuel")),
                    new PermissionDef(BULLETIN_APPROVE, LocalizedText.of("إصدار النشرة الشهرية", "Issue the monthly bulletin",
                            "Publier le bulletin mensuel")),
                    new PermissionDef(MEDIA_READ, LocalizedText.of("الاطلاع على الخطة الإعلامية في الخارج", "Read the media plan abroad",
                            "Consulter le plan médias à l'étranger")),
                    new PermissionDef(MEDIA_WRITE, LocalizedText.of("إعداد الخطة الإعلامية ومتابعة تنفيذها", "Plan and report media activities",
                            "Planifier et rendre compte des activités médias")),
                    new PermissionDef(PLAN_READ, LocalizedText.of("الاطلاع على خطة العمل السنوية", "Read the annual plan of action",
                            "Consulter le plan d'action annuel")),
                    new PermissionDef(PLAN_WRITE, LocalizedText.of("إعداد خطة العمل ومتابعة تنفيذها", "Prepare and follow up the plan of action",
                            "Préparer et suivre le plan d'action")),
                    new PermissionDef(REPORT_READ, LocalizedText.of("الاطلاع على التقرير السنوي", "Read the annual report", "Consulter le rapport annuel")),
                    new PermissionDef(REPORT_WRITE, LocalizedText.of("تحرير التقرير السنوي", "Write the annual report", "Rédiger le rapport annuel")),
                    new PermissionDef(REPORT_APPROVE, LocalizedText.of("إصدار التقرير السنوي", "Issue the annual report", "Publier le rapport annuel"))),
            List.of(new NavEntry("/diwan/missions/registry", LocalizedText.of("سجل البعثات والمراكز", "Missions registry",
                            "Registre des missions"), REGISTRY_READ, 1),
                    new NavEntry("/diwan/missions/correspondence", LocalizedText.of("المراسلات والتقارير", "Correspondence and reports",
                            "Correspondance et rapports"), CORRESPONDENCE_READ, 2),
                    new NavEntry("/diwan/missions/monitoring", LocalizedText.of("متابعة انتظام التقارير والتقييم", "Monitoring and evaluation",
                            "Suivi et évaluation"), MONITORING_READ, 3),
                    new NavEntry("/diwan/missions/bulletins", LocalizedText.of("النشرة الشهرية", "Monthly bulletin", "Bulletin mensuel"),
                            BULLETIN_READ, 4),
                    new NavEntry("/diwan/missions/media", LocalizedText.of("الخطة الإعلامية في الخارج", "Media plan abroad", "Plan médias à l'étranger"),
                            MEDIA_READ, 5),
                    new NavEntry("/diwan/missions/plan", LocalizedText.of("خطة العمل السنوية", "Annual plan of action", "Plan d'action annuel"),
                            PLAN_READ, 6),
                    new NavEntry("/diwan/missions/report", LocalizedText.of("التقرير السنوي الشامل", "Annual report", "Rapport annuel"),
                            REPORT_READ, 7)));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
