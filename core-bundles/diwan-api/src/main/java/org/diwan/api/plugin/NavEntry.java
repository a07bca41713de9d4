package org.diwan.api.plugin;

import java.util.Objects;

import org.diwan.api.i18n.LocalizedText;

/**
 * One link in the shell's navigation. The shell shows it only to users holding {@code permission}.
 *
 * @param path       the page, under {@code /diwan/<plugin id>}
 * @param order      position among the plugin's entries, smallest first
 */
public record NavEntry(String path, LocalizedText label, String permission, int order) {

    public NavEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(permission, "permission");
        // Shiro's InvalidRequestFilter refuses non-ASCII, ';' and '\' in paths: catch such a path at
        // registration instead of as a 400 in front of a user.
        if (!path.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';' && c != '\\')) {
            throw new IllegalArgumentException("navigation path must be plain ASCII without ';' or '\\': " + path);
        }
    }
}
