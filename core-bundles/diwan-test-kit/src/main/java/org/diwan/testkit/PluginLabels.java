package org.diwan.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import org.diwan.api.i18n.Language;
import org.diwan.api.plugin.DiwanPlugin;
import org.diwan.api.plugin.NavEntry;
import org.diwan.api.plugin.PermissionDef;
import org.diwan.api.plugin.PluginDescriptor;
import org.diwan.api.workflow.WorkflowDefinition;
import org.diwan.api.workflow.WorkflowProvider;

/**
 * Checks a plugin's texts the way the shell will look them up: every key its descriptor names (department name,
 * permissions, navigation) and, when the plugin component also offers workflows, every state and transition, is in {@code messages/messages_ar|en|fr.properties} of the plugin's own class path,
 * non-blank, and the Arabic one is written in Arabic; and the three bundles hold the same keys, so that no screen
 * falls back to another language unnoticed. A plugin's test calls {@link #assertComplete(DiwanPlugin)}.
 */
public final class PluginLabels {

    private PluginLabels() {
    }

    public static void assertComplete(DiwanPlugin plugin) {
        assertThat(problems(plugin)).as("texts of plugin " + plugin.descriptor().id()).isEmpty();
    }

    /** What is missing or wrong, one line each; empty when all is well. */
    public static List<String> problems(DiwanPlugin plugin) {
        Map<Language, Properties> bundles = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            bundles.put(language, load(plugin.getClass().getClassLoader(), language));
        }
        PluginDescriptor descriptor = plugin.descriptor();
        List<String> keys = new ArrayList<>();
        keys.add(descriptor.nameKey());
        descriptor.permissions().stream().map(PermissionDef::labelKey).forEach(keys::add);
        descriptor.navigation().stream().map(NavEntry::labelKey).forEach(keys::add);
        if (plugin instanceof WorkflowProvider provider) {
            for (WorkflowDefinition workflow : provider.workflows()) {
                workflow.states().stream().map(workflow::stateLabelKey).forEach(keys::add);
                workflow.transitions().stream().map(t -> workflow.transitionLabelKey(t.id())).forEach(keys::add);
            }
        }

        List<String> problems = new ArrayList<>();
        for (String key : keys) {
            for (Language language : Language.values()) {
                String text = bundles.get(language).getProperty(key);
                if (text == null || text.isBlank()) {
                    problems.add(key + ": missing in messages_" + language.tag());
                } else if (language == Language.AR && text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
                    problems.add(key + ": the Arabic text is not in Arabic: " + text);
                }
            }
        }
        TreeSet<String> all = new TreeSet<>();
        bundles.values().forEach(b -> all.addAll(b.stringPropertyNames()));
        for (String key : all) {
            for (Language language : Language.values()) {
                if (!bundles.get(language).containsKey(key)) {
                    problems.add(key + ": in another language but not in messages_" + language.tag());
                }
            }
        }
        return problems;
    }

    private static Properties load(ClassLoader loader, Language language) {
        String name = "messages/messages_" + language.tag() + ".properties";
        Properties properties = new Properties();
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
        return properties;
    }
}
