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

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(ID,
            LocalizedText.of("إدارة البعثات", "Missions", "Missions"), "globe",
            List.of(new PermissionDef(REGISTRY_READ, LocalizedText.of("الاطلاع على سجل البعثات", "Read the missions registry",
                            "Consulter le registre des missions")),
                    new PermissionDef(REGISTRY_WRITE, LocalizedText.of("تعديل سجل البعثات", "Edit the missions registry",
                            "Modifier le registre des missions"))),
            List.of(new NavEntry("/diwan/missions/registry", LocalizedText.of("سجل البعثات والمراكز", "Missions registry",
                    "Registre des missions"), REGISTRY_READ, 1)));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
