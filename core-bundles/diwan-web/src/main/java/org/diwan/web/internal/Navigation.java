package org.diwan.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.shiro.subject.Subject;
import org.diwan.api.i18n.Language;
import org.diwan.api.plugin.DiwanPlugin;
import org.diwan.api.plugin.NavEntry;
import org.diwan.api.plugin.PluginDescriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The shell's navigation, assembled from the plugins registered now: installing a plugin's feature adds its
 * entries, uninstalling removes them, with no restart. Each visitor sees the entries their permissions open.
 */
@Component(service = Navigation.class)
public final class Navigation {

    private final List<DiwanPlugin> plugins = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPlugin(DiwanPlugin plugin) {
        plugins.add(plugin);
    }

    void removePlugin(DiwanPlugin plugin) {
        plugins.remove(plugin);
    }

    List<PluginDescriptor> plugins() {
        return plugins.stream().map(DiwanPlugin::descriptor).sorted(Comparator.comparing(PluginDescriptor::id)).toList();
    }

    /** One map per visible department: {@code name}, {@code links} (each {@code label}, {@code path}). */
    List<Map<String, Object>> visibleTo(Subject subject, Language language) {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (PluginDescriptor plugin : plugins()) {
            List<Map<String, String>> links = plugin.navigation().stream()
                    .filter(entry -> subject.isPermitted(entry.permission()))
                    .sorted(Comparator.comparingInt(NavEntry::order))
                    .map(entry -> Map.of("label", entry.label().in(language), "path", entry.path()))
                    .toList();
            if (!links.isEmpty()) {
                sections.add(Map.of("id", plugin.id(), "name", plugin.name().in(language), "links", links));
            }
        }
        return sections;
    }
}
