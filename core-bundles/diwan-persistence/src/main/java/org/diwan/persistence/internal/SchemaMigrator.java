package org.diwan.persistence.internal;

import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.diwan.api.persistence.Schemas;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies a schema's pending migrations with Flyway, each schema with its own history table, and never
 * anything destructive: Flyway's clean is disabled and nothing here drops a schema.
 */
final class SchemaMigrator {

    static final String HISTORY_TABLE = "flyway_schema_history";

    private final DataSource database;

    SchemaMigrator(DataSource database) {
        this.database = database;
    }

    /**
     * @return the number of migrations applied now (0 when the schema was up to date)
     * @throws org.flywaydb.core.api.FlywayException when a script fails or an applied script was changed;
     *         the failing script's changes are rolled back
     */
    int migrate(String schema, List<MigrationScript> scripts) {
        if (!Schemas.isValidName(schema)) {
            throw new IllegalArgumentException("not a valid schema name: " + schema);
        }
        String location = Schemas.MIGRATIONS + "/" + schema;
        Flyway flyway = Flyway.configure(Flyway.class.getClassLoader())
                .dataSource(database)
                .schemas(identifier(schema))
                .createSchemas(true)
                .table(HISTORY_TABLE)
                .resourceProvider(new ScriptResourceProvider(location, scripts))
                .javaMigrationClassProvider(() -> List.of())
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .load();
        MigrateResult result = flyway.migrate();
        return result.migrationsExecuted;
    }

    /** Derby and PostgreSQL fold unquoted identifiers differently; Diwan always uses Derby's upper case. */
    static String identifier(String schema) {
        return schema.toUpperCase(Locale.ROOT);
    }
}
