package org.diwan.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.security.Account;
import org.diwan.api.security.AccountException;
import org.diwan.api.security.AccountException.Reason;
import org.diwan.api.security.Accounts;
import org.diwan.api.security.Actor;
import org.diwan.api.security.Setup;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first start. While no administrator exists, a new one-time token is made at every start, logged on the
 * console and written to {@code <data>/setup-token}; the web setup page exchanges it for the first
 * administrator. An unattended install names a file holding the password instead
 * ({@code DIWAN_ADMIN_PASSWORD_FILE}, with {@code DIWAN_ADMIN_USER}, default {@code admin}).
 */
@Component(service = Setup.class, immediate = true)
public final class SetupService implements Setup {

    private static final Logger LOG = LoggerFactory.getLogger(SetupService.class);
    /** A logger whose messages reach the console of 'bin/diwan run' and no log file. */
    private static final Logger CONSOLE = LoggerFactory.getLogger("org.diwan.setup.token");
    static final String TOKEN_FILE = "setup-token";
    static final String PASSWORD_FILE_PROPERTY = "diwan.admin.password.file";
    static final String ADMIN_USER_PROPERTY = "diwan.admin.user";

    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final Path tokenFile;
    private byte[] token;
    private boolean required;

    @Activate
    public SetupService(@Reference Accounts accounts, @Reference AuditLog audit, BundleContext context) {
        this(accounts, audit, Clock.systemUTC(), Path.of(context.getProperty("karaf.data")),
                context.getProperty(PASSWORD_FILE_PROPERTY), context.getProperty(ADMIN_USER_PROPERTY));
    }

    SetupService(Accounts accounts, AuditLog audit, Clock clock, Path dataFolder, String passwordFile, String adminUser) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.tokenFile = dataFolder.resolve(TOKEN_FILE);
        this.required = accounts.list().stream().noneMatch(Account::isAdmin);
        if (required && passwordFile != null && !passwordFile.isBlank()) {
            required = !createFromPasswordFile(Path.of(passwordFile), adminUser == null || adminUser.isBlank() ? "admin" : adminUser);
        }
        if (required) {
            issueToken();
        } else {
            deleteTokenFile();
        }
    }

    @Override
    public synchronized boolean required() {
        return required;
    }

    @Override
    public synchronized Account complete(String offered, String username, String displayName, char[] password, String address) {
        if (!required) {
            throw new AccountException(Reason.SETUP_ALREADY_DONE, "an administrator exists");
        }
        byte[] offeredBytes = (offered == null ? "" : offered.strip()).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(token, offeredBytes)) {
            LOG.warn("Setup refused: wrong setup token from {}", address);
            throw new AccountException(Reason.SETUP_TOKEN_INVALID, "wrong setup token");
        }
        Account admin = accounts.create(username, displayName, password, Set.of(Account.ADMIN_ROLE), new Actor("setup", address));
        finish("setup.complete", admin, address);
        return admin;
    }

    private boolean createFromPasswordFile(Path file, String adminUser) {
        char[] password = null;
        try {
            password = Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
            Account admin = accounts.create(adminUser, adminUser, password, Set.of(Account.ADMIN_ROLE), new Actor("setup", "local"));
            finish("setup.unattended", admin, "local");
            LOG.info("Administrator '{}' created from the password file {}", adminUser, file);
            return true;
        } catch (IOException | AccountException e) {
            LOG.error("Administrator not created from the password file {} ({}); falling back to the setup token", file, e.getMessage());
            return false;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private void finish(String action, Account admin, String address) {
        required = false;
        if (token != null) {
            Arrays.fill(token, (byte) 0);
            token = null;
        }
        deleteTokenFile();
        audit.record(new AuditEntry(clock.instant(), admin.username(), action, admin.username(), "first administrator", address));
    }

    private void issueToken() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        token = text.getBytes(StandardCharsets.US_ASCII);
        try {
            Files.createDirectories(tokenFile.getParent());
            Files.deleteIfExists(tokenFile);
            Files.createFile(tokenFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tokenFile, text + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            LOG.error("Could not write the setup token to {}: {}", tokenFile, e.getMessage());
        }
        // The token itself goes to the console only (etc/org.ops4j.pax.logging.cfg routes this logger there alone):
        // the log files are read by collectors and by whoever may read the log folder.
        CONSOLE.warn("First start: no administrator yet. Open the web interface's /setup page and enter the setup token {}"
                + " (also in {}). A new token is made at every start until setup is done.", text, tokenFile);
        LOG.warn("First start: no administrator yet. The setup token is shown on the console and kept in {} (readable by the"
                + " node's user only); a new one is made at every start until setup is done.", tokenFile);
    }

    private void deleteTokenFile() {
        try {
            Files.deleteIfExists(tokenFile);
        } catch (IOException e) {
            LOG.error("Could not delete the used setup token file {}: {}", tokenFile, e.getMessage());
        }
    }
}
