package org.diwan.api.web.record;

import java.util.Objects;

/**
 * A change to a record other than its form, posted to {@code base/{id}/{name}}: approve, issue, merge. It has its
 * own permission, checked before its form is read; {@link RecordEditor#act} carries it out.
 */
public record RecordAction(String name, String permission) {

    public RecordAction {
        Objects.requireNonNull(permission, "permission");
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,31}") || name.equals("edit") || name.equals("new")) {
            throw new IllegalArgumentException("an action's name is a lower-case word other than edit and new: " + name);
        }
    }
}
