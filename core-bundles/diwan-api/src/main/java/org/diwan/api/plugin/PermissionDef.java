package org.diwan.api.plugin;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A permission a plugin checks, in Shiro's wildcard form {@code plugin:area:action}
 * ({@code missions:correspondence:write}). Its label, shown in the role editor and on the token page, is the
 * plugin's message {@link #labelKey()} in the reader's language: wording lives in the bundles, where translators
 * work, not in Java.
 */
public record PermissionDef(String id) {

    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*){1,2}");

    public PermissionDef {
        Objects.requireNonNull(id, "id");
        if (!FORM.matcher(id).matches()) {
            throw new IllegalArgumentException("permission must read plugin:area[:action] in lower case: " + id);
        }
    }

    /** {@code missions:registry:read} is labelled by {@code missions.permission.registry.read}. */
    public String labelKey() {
        int plugin = id.indexOf(':');
        return id.substring(0, plugin) + ".permission." + id.substring(plugin + 1).replace(':', '.');
    }
}
