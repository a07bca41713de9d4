package org.diwan.api.plugin;

import java.util.Objects;
import java.util.regex.Pattern;

import org.diwan.api.i18n.LocalizedText;

/**
 * A permission a plugin checks, in Shiro's wildcard form {@code plugin:area:action}
 * ({@code missions:correspondence:write}), with the label the role editor shows.
 */
public record PermissionDef(String id, LocalizedText label) {

    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*){1,2}");

    public PermissionDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        if (!FORM.matcher(id).matches()) {
            throw new IllegalArgumentException("permission must read plugin:area[:action] in lower case: " + id);
        }
    }
}
