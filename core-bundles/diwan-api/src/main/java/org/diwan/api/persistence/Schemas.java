package org.diwan.api.persistence;

import java.util.regex.Pattern;

/** The names of the schema contract; see the package documentation. */
public final class Schemas {

    /** Manifest header naming the schema a bundle owns. */
    public static final String HEADER = "Diwan-Schema";

    /** Service property of the DataSource registered for a schema, valued with the schema's name. */
    public static final String PROPERTY = "diwan.schema";

    /** Folder of a bundle, followed by {@code /<schema>}, that holds the schema's migrations. */
    public static final String MIGRATIONS = "db/migration";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{1,29}");

    private Schemas() {
    }

    /**
     * A schema name is 2–30 lower-case ASCII letters, digits or underscores, starting with a letter, so that
     * it is a valid unquoted identifier in Derby and PostgreSQL alike.
     */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
