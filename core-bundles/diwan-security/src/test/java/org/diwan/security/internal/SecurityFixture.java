package org.diwan.security.internal;

import java.nio.file.Path;

import org.diwan.persistence.internal.TestDatabase;

/** A migrated {@code security} schema in a real Derby database, and the services over it. */
final class SecurityFixture implements AutoCloseable {

    /** One hasher for all tests: building it costs one Argon2 hash. */
    static final PasswordHasher HASHER = new PasswordHasher();

    final TestDatabase database;
    final AccountRepository repository;
    final TestClock clock = new TestClock();
    final RecordingAuditLog audit = new RecordingAuditLog();
    final AccountService accounts;

    SecurityFixture(Path folder) throws Exception {
        database = TestDatabase.create(folder);
        repository = new AccountRepository(database.migrate("security"));
        accounts = new AccountService(repository, HASHER, audit, clock);
    }

    @Override
    public void close() {
        database.close();
    }
}
