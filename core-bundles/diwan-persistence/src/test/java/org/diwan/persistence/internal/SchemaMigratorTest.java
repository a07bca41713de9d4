package org.diwan.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real embedded Derby database in a temporary folder. */
class SchemaMigratorTest {

    private static final MigrationScript V1 = new MigrationScript("V1__notes.sql",
            "CREATE TABLE note (id INT PRIMARY KEY, text VARCHAR(200) NOT NULL);");
    private static final MigrationScript V2 = new MigrationScript("V2__seed.sql",
            "INSERT INTO note VALUES (1, 'مرحبا');\nINSERT INTO note VALUES (2, 'bonjour');");

    @TempDir
    Path folder;

    private DerbyDatabase database;
    private SchemaMigrator migrator;

    @BeforeEach
    void open() throws Exception {
        database = DerbyDatabase.open(folder.resolve("db"));
        migrator = new SchemaMigrator(database.dataSource());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void appliesMigrationsOnceAndLaterOnesWhenTheyShip() throws Exception {
        assertThat(migrator.migrate("notes", List.of(V1))).isEqualTo(1);
        assertThat(migrator.migrate("notes", List.of(V1))).isZero();
        assertThat(migrator.migrate("notes", List.of(V1, V2))).isEqualTo(1);

        assertThat(texts(schema("notes"))).containsExactly("مرحبا", "bonjour");
    }

    @Test
    void keepsSchemasApartEachWithItsOwnHistory() throws Exception {
        migrator.migrate("alpha", List.of(V1, V2));
        migrator.migrate("beta", List.of(V1));

        assertThat(texts(schema("alpha"))).hasSize(2);
        assertThat(texts(schema("beta"))).isEmpty();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM beta.\"" + SchemaMigrator.HISTORY_TABLE + "\"")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void rollsBackAFailingScriptAndNamesIt() throws Exception {
        migrator.migrate("notes", List.of(V1));
        MigrationScript broken = new MigrationScript("V2__broken.sql",
                "INSERT INTO note VALUES (5, 'kept?');\nINSERT INTO no_such_table VALUES (1);");

        assertThatThrownBy(() -> migrator.migrate("notes", List.of(V1, broken)))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("V2__broken.sql");
        assertThat(texts(schema("notes"))).isEmpty();
    }

    @Test
    void refusesAnAppliedScriptThatWasChanged() {
        migrator.migrate("notes", List.of(V1));
        MigrationScript edited = new MigrationScript(V1.fileName(), V1.sql() + "\nCREATE INDEX note_text ON note(text);");

        assertThatThrownBy(() -> migrator.migrate("notes", List.of(edited)))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void refusesInvalidSchemaNames() {
        assertThatThrownBy(() -> migrator.migrate("x; DROP", List.of(V1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataSurvivesClosingAndReopeningTheDatabase() throws Exception {
        migrator.migrate("notes", List.of(V1, V2));
        database.close();
        database = DerbyDatabase.open(folder.resolve("db"));

        assertThat(texts(new SchemaDataSource(database.dataSource(), "notes"))).hasSize(2);
    }

    private DataSource schema(String name) {
        return new SchemaDataSource(database.dataSource(), name);
    }

    private static List<String> texts(DataSource dataSource) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT text FROM note ORDER BY id")) {
            while (rs.next()) {
                texts.add(rs.getString(1));
            }
        }
        return texts;
    }
}
