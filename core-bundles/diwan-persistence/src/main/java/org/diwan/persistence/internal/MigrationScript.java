package org.diwan.persistence.internal;

import java.util.Objects;

/** One SQL migration as shipped in a bundle: its file name ({@code V1__create_tables.sql}) and text. */
record MigrationScript(String fileName, String sql) {

    MigrationScript {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sql, "sql");
    }
}
