package org.diwan.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.shiro.subject.Subject;
import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.diwan.api.plugin.DiwanPlugin;
import org.diwan.api.plugin.NavEntry;
import org.diwan.api.plugin.PluginDescriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The shell's navigation, assembled from the plugins registered now: installing a plugin's feature adds its
 * entries, uninstalling removes them, with no restart. Each visitor sees the entries their permissions open. Names
 * and labels are the plugins' message keys, read in the visitor's language.
 */
@Component(service = Navigation.class)
public final class Navigation {

    private final List<DiwanPlugin> plugins = new CopyOnWriteArrayList<>();
    private final Messages messages;

    @Activate
    public Navigation(@Reference Messages messages) {
        this.messages = messages;
    }

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
                    .map(entry -> Map.of("label", messages.get(entry.labelKey(), language), "path", entry.path()))
                    .toList();
            if (!links.isEmpty()) {
                sections.add(Map.of("id", plugin.id(), "name", messages.get(plugin.nameKey(), language), "links", links));
            }
        }
        return sections;
    }

    /**
     * The permissions of each installed plugin that {@code offered} lets through, labelled in the page's language,
     * for the role editor and the token page: one map per plugin with some left ({@code plugin}, {@code permissions},
     * each {@code id} and {@code label}).
     */
    List<Map<String, Object>> permissionGroups(Language language, Predicate<String> offered) {
        return plugins().stream()
                .map(plugin -> Map.<String, Object>of("plugin", messages.get(plugin.nameKey(), language), "permissions",
                        plugin.permissions().stream().filter(p -> offered.test(p.id()))
                                .map(p -> Map.of("id", p.id(), "label", messages.get(p.labelKey(), language))).toList()))
                .filter(group -> !((List<?>) group.get("permissions")).isEmpty())
                .toList();
    }
}
