package org.diwan.api.validation;

import java.util.List;
import java.util.Objects;

/**
 * Why one field was refused: a message key of the shell's bundles ({@code validation.required}) and the
 * arguments of its placeholders.
 */
public record FieldError(String messageKey, List<Object> args) {

    public FieldError {
        Objects.requireNonNull(messageKey, "messageKey");
        args = List.copyOf(args);
    }

    public static FieldError of(String messageKey, Object... args) {
        return new FieldError(messageKey, List.of(args));
    }
}
