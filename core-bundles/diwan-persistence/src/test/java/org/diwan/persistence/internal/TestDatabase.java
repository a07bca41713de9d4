package org.diwan.persistence.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.diwan.api.persistence.Schemas;

/**
 * A real Derby database in a folder, for other bundles' unit tests: migrates a schema with the same code
 * the node uses, from the {@code db/migration/<schema>} scripts on the test's class path (a folder, or another
 * bundle's jar: a plugin's test can migrate the sync schema it needs). Shipped in diwan-persistence's test jar.
 */
public final class TestDatabase implements AutoCloseable {

    private final DerbyDatabase database;

    private TestDatabase(DerbyDatabase database) {
        this.database = database;
    }

    public static TestDatabase create(Path folder) throws SQLException, IOException {
        return new TestDatabase(DerbyDatabase.open(folder.resolve("db")));
    }

    /** Applies the schema's migrations and returns a DataSource whose connections use the schema. */
    public DataSource migrate(String schema) throws IOException, URISyntaxException {
        URL folder = Thread.currentThread().getContextClassLoader().getResource(Schemas.MIGRATIONS + "/" + schema);
        if (folder == null) {
            throw new IOException("no " + Schemas.MIGRATIONS + "/" + schema + " on the class path");
        }
        URI uri = folder.toURI();
        List<MigrationScript> scripts;
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                scripts = scripts(jar.provider().getPath(uri));
            }
        } else {
            scripts = scripts(Path.of(uri));
        }
        new SchemaMigrator(database.dataSource()).migrate(schema, scripts);
        return new SchemaDataSource(database.dataSource(), schema);
    }

    private static List<MigrationScript> scripts(Path folder) throws IOException {
        List<MigrationScript> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                scripts.add(new MigrationScript(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return scripts;
    }

    @Override
    public void close() {
        database.close();
    }
}
