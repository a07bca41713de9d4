package org.diwan.api.plugin;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A department plugin as the shell sees it. Every text it shows comes from the plugin's message bundles
 * ({@code messages_ar/en/fr.properties}): its name from {@link #nameKey()}, each permission's label from
 * {@link PermissionDef#labelKey()}, each link's from {@link NavEntry#labelKey()}; all keys lie under the plugin's
 * id, so that one plugin never names another's texts.
 *
 * @param id          lower-case identifier, also the prefix of its permissions, URLs and routes ({@code missions})
 * @param icon        the name of the icon shown beside it in the navigation
 * @param permissions every permission the plugin checks; each starts with {@code id + ":"}
 * @param navigation  the entries the shell's navigation shows for it, each guarded by one of its permissions
 */
public record PluginDescriptor(String id, String icon, List<PermissionDef> permissions,
        List<NavEntry> navigation) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    public PluginDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("plugin id must be 2-32 lower-case letters, digits or '-', starting with a letter: " + id);
        }
        icon = icon == null || icon.isBlank() ? "puzzle" : icon;
        permissions = List.copyOf(permissions);
        navigation = List.copyOf(navigation);

        Set<String> declared = new HashSet<>();
        for (PermissionDef permission : permissions) {
            if (!permission.id().startsWith(id + ":")) {
                throw new IllegalArgumentException("permission " + permission.id() + " must start with '" + id + ":'");
            }
            if (!declared.add(permission.id())) {
                throw new IllegalArgumentException("permission declared twice: " + permission.id());
            }
        }
        for (NavEntry entry : navigation) {
            if (!declared.contains(entry.permission())) {
                throw new IllegalArgumentException("navigation entry " + entry.path() + " needs undeclared permission " + entry.permission());
            }
            if (!entry.labelKey().startsWith(id + ".")) {
                throw new IllegalArgumentException("navigation entry " + entry.path() + " must take its label from a key under '" + id + ".'");
            }
            if (!entry.path().startsWith("/diwan/" + id + "/") && !entry.path().equals("/diwan/" + id)) {
                throw new IllegalArgumentException("navigation entry " + entry.path() + " must lie under /diwan/" + id);
            }
        }
    }

    /** The message key of the department's name: {@code <id>.plugin.name}. */
    public String nameKey() {
        return id + ".plugin.name";
    }
}
