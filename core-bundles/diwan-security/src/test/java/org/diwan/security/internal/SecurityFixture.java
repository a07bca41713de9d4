package org.diwan.security.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.diwan.persistence.internal.TestDatabase;

/** A migrated {@code security} schema in a real Derby database, and the services over it. */
final class SecurityFixture implements AutoCloseable {

    /** One hasher for all tests: building it costs one Argon2 hash. */
    static final PasswordHasher HASHER = new PasswordHasher();

    /** The shipped defaults of {@link LockoutConfig}. */
    static final LockoutRules RULES = new LockoutRules(5, Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(240),
            30, 100);

    final TestDatabase database;
    final AccountRepository repository;
    final LoginRecords records;
    final TestClock clock = new TestClock();
    final RecordingAuditLog audit = new RecordingAuditLog();
    final AccountService accounts;
    final javax.sql.DataSource dataSource;

    SecurityFixture(Path folder) throws Exception {
        database = TestDatabase.create(folder);
        dataSource = database.migrate("security");
        repository = new AccountRepository(dataSource);
        records = new LoginRecords(dataSource);
        accounts = new AccountService(repository, HASHER, audit, clock);
    }

    LoginService logins(LockoutRules rules) {
        return new LoginService(repository, records, HASHER, audit, clock, rules);
    }

    @Override
    public void close() {
        database.close();
    }
}
