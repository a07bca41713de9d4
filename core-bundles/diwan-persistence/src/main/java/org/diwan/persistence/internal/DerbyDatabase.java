package org.diwan.persistence.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded Derby database of the node: opened (created on first start) and shut down cleanly. */
final class DerbyDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DerbyDatabase.class);

    /** SQL states Derby answers a successful shutdown with. */
    private static final String DATABASE_SHUT_DOWN = "08006";
    private static final String ENGINE_SHUT_DOWN = "XJ015";

    private final Path location;
    private final EmbeddedDataSource dataSource;

    private DerbyDatabase(Path location, EmbeddedDataSource dataSource) {
        this.location = location;
        this.dataSource = dataSource;
    }

    /** Opens the database in the given folder, creating it if it does not exist. */
    static DerbyDatabase open(Path location) throws SQLException, IOException {
        Path derbyHome = Path.of(System.getProperty("derby.system.home", System.getProperty("user.dir")));
        DurabilityGuard.requireDurableCommits(System.getProperty(DurabilityGuard.PROPERTY), derbyHome.resolve("derby.properties"));
        Files.createDirectories(location.getParent());

        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(location.toAbsolutePath().toString());
        dataSource.setCreateDatabase("create");
        try (Connection connection = dataSource.getConnection()) {
            LOG.info("Database open at {} (Derby {})", location, connection.getMetaData().getDatabaseProductVersion());
        }
        return new DerbyDatabase(location, dataSource);
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Shuts the database down so that the next start needs no recovery; the Derby engine stays up. */
    @Override
    public void close() {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(location.toAbsolutePath().toString());
        shutdown.setShutdownDatabase("shutdown");
        expectShutdown(shutdown, DATABASE_SHUT_DOWN);
    }

    /** Stops the Derby engine itself: only when the class loader that loaded it goes away. */
    static void shutdownEngine() {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName("");
        shutdown.setShutdownDatabase("shutdown");
        expectShutdown(shutdown, ENGINE_SHUT_DOWN);
    }

    private static void expectShutdown(EmbeddedDataSource shutdown, String expectedState) {
        try (Connection unexpected = shutdown.getConnection()) {
            LOG.warn("Derby did not shut down (got a connection)");
        } catch (SQLException e) {
            if (!expectedState.equals(e.getSQLState())) {
                LOG.warn("Derby shutdown answered {}: {}", e.getSQLState(), e.getMessage());
            }
        }
    }
}
