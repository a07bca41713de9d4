package org.diwan.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.diwan.api.security.Account;
import org.diwan.api.security.AccountException;
import org.diwan.api.security.AccountException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupServiceTest {

    @TempDir
    Path folder;

    private SecurityFixture fixture;
    private Path data;

    @BeforeEach
    void open() throws Exception {
        fixture = new SecurityFixture(folder.resolve("db"));
        data = Files.createDirectories(folder.resolve("data"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void firstStartWritesAOneTimeTokenOnlyTheOwnerCanRead() throws Exception {
        SetupService setup = setup(null);
        Path file = data.resolve(SetupService.TOKEN_FILE);

        assertThat(setup.required()).isTrue();
        assertThat(Files.readString(file).strip()).matches("[A-Za-z0-9_-]{43}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theTokenCreatesTheAdministratorOnceThenStopsWorking() throws Exception {
        SetupService setup = setup(null);
        String token = Files.readString(data.resolve(SetupService.TOKEN_FILE)).strip();

        expect(Reason.SETUP_TOKEN_INVALID, () -> setup.complete("not-the-token", "admin", "المدير", "the chief's long secret".toCharArray(), "10.0.0.5"));
        Account admin = setup.complete(token, "admin", "المدير", "the chief's long secret".toCharArray(), "10.0.0.5");

        assertThat(admin.isAdmin()).isTrue();
        assertThat(setup.required()).isFalse();
        assertThat(data.resolve(SetupService.TOKEN_FILE)).doesNotExist();
        expect(Reason.SETUP_ALREADY_DONE, () -> setup.complete(token, "admin2", "x", "the chief's long secret".toCharArray(), "10.0.0.5"));
        assertThat(fixture.audit.actions()).contains("account.create", "setup.complete");
    }

    @Test
    void aRefusedPasswordKeepsSetupOpen() throws Exception {
        SetupService setup = setup(null);
        String token = Files.readString(data.resolve(SetupService.TOKEN_FILE)).strip();
        expect(Reason.PASSWORD_TOO_SHORT, () -> setup.complete(token, "admin", "Admin", "short".toCharArray(), "10.0.0.5"));
        assertThat(setup.required()).isTrue();
        assertThat(setup.complete(token, "admin", "Admin", "now long enough!".toCharArray(), "10.0.0.5").isAdmin()).isTrue();
    }

    @Test
    void anUnattendedInstallCreatesTheAdministratorFromAPasswordFile() throws Exception {
        Path passwordFile = Files.writeString(folder.resolve("admin-password"), "unattended secret pass\n");
        SetupService setup = setup(passwordFile.toString());

        assertThat(setup.required()).isFalse();
        assertThat(data.resolve(SetupService.TOKEN_FILE)).doesNotExist();
        assertThat(fixture.accounts.find("operator").orElseThrow().isAdmin()).isTrue();
        assertThat(SecurityFixture.HASHER.verify("unattended secret pass".toCharArray(),
                fixture.repository.find("operator").orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void aBadPasswordFileFallsBackToTheToken() throws Exception {
        Path passwordFile = Files.writeString(folder.resolve("admin-password"), "short\n");
        SetupService setup = setup(passwordFile.toString());
        assertThat(setup.required()).isTrue();
        assertThat(data.resolve(SetupService.TOKEN_FILE)).exists();
    }

    @Test
    void anExistingAdministratorMeansNoToken() throws Exception {
        setup(null).complete(Files.readString(data.resolve(SetupService.TOKEN_FILE)).strip(), "admin", "Admin",
                "the chief's long secret".toCharArray(), "local");
        SetupService restarted = setup(null);
        assertThat(restarted.required()).isFalse();
        assertThat(data.resolve(SetupService.TOKEN_FILE)).doesNotExist();
    }

    private SetupService setup(String passwordFile) {
        return new SetupService(fixture.accounts, fixture.audit, fixture.clock, data, passwordFile, "operator");
    }

    private static void expect(Reason reason, Runnable action) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(AccountException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
