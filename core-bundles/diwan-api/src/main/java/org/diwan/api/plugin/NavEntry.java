package org.diwan.api.plugin;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One link in the shell's navigation. The shell shows it only to users holding {@code permission}.
 *
 * @param path       the page, under {@code /diwan/<plugin id>}
 * @param labelKey   the plugin's message key of the link's text ({@code missions.nav.registry}), under the plugin's id
 * @param order      position among the plugin's entries, smallest first
 */
public record NavEntry(String path, String labelKey, String permission, int order) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9][a-zA-Z0-9_-]*)+");

    public NavEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(permission, "permission");
        // Shiro's InvalidRequestFilter refuses non-ASCII, ';' and '\' in paths: catch such a path at
        // registration instead of as a 400 in front of a user.
        if (!path.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';' && c != '\\')) {
            throw new IllegalArgumentException("navigation path must be plain ASCII without ';' or '\\': " + path);
        }
        if (!KEY.matcher(labelKey).matches()) {
            throw new IllegalArgumentException("navigation label must be a message key such as missions.nav.registry: " + labelKey);
        }
    }
}
