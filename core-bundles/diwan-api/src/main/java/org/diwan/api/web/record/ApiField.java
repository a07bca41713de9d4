package org.diwan.api.web.record;

import java.util.List;
import java.util.Objects;

/**
 * A member of a record's JSON form, for the OpenAPI document and the shell's type check of request bodies.
 *
 * @param values   the accepted codes of an {@link Type#CODE} field; empty otherwise
 * @param readOnly sent by the API, never read from a request ({@code id}, {@code version}, {@code updatedAt})
 */
public record ApiField(String name, Type type, boolean required, List<String> values, boolean readOnly) {

    public enum Type {
        TEXT, INTEGER, DATE, DATE_TIME, CODE
    }

    public ApiField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        values = List.copyOf(values);
    }

    public static ApiField text(String name, boolean required) {
        return new ApiField(name, Type.TEXT, required, List.of(), false);
    }

    public static ApiField integer(String name, boolean required) {
        return new ApiField(name, Type.INTEGER, required, List.of(), false);
    }

    public static ApiField date(String name, boolean required) {
        return new ApiField(name, Type.DATE, required, List.of(), false);
    }

    /** One of the names of an enumeration. */
    public static ApiField code(String name, boolean required, Class<? extends Enum<?>> codes) {
        return new ApiField(name, Type.CODE, required, java.util.Arrays.stream(codes.getEnumConstants()).map(Enum::name).toList(), false);
    }

    /** Written by the node, never by a client. */
    public static ApiField readOnly(String name, Type type) {
        return new ApiField(name, type, false, List.of(), true);
    }
}
