package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.diwan.itkit.DiwanNode;

/**
 * An unattended install (DIWAN_ADMIN_PASSWORD_FILE) seen from outside: the administrator it creates opens
 * the SSH console with that password and runs commands; other credentials stay refused, and no setup token
 * is left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminConsoleIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String PASSWORD = "unattended install secret";

    private DiwanNode node;
    private SshClient ssh;

    @BeforeAll
    void start() throws Exception {
        Path passwordFile = Files.createDirectories(Path.of("target", "nodes")).resolve("admin-password").toAbsolutePath();
        Files.writeString(passwordFile, PASSWORD + "\n");
        node = DiwanNode.unpack("console-it")
                .withEnv("DIWAN_ADMIN_PASSWORD_FILE", passwordFile.toString())
                .withEnv("DIWAN_ADMIN_USER", "operator")
                .start().awaitHttp();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> ListeningSockets.of(node.jvm().pid())
                .stream().anyMatch(l -> l.port() == node.sshPort()));
        ssh = SshClient.setUpDefaultClient();
        ssh.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        ssh.start();
        // the unattended administrator exists once the console lets them in
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> asOperator("echo ready").contains("ready"));
    }

    @AfterAll
    void stop() throws Exception {
        if (ssh != null) {
            ssh.stop();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void theAdministratorRunsShellCommands() throws Exception {
        assertThat(whenRegistered("feature:list -i")).contains("diwan-core");
        assertThat(whenRegistered("diwan:users")).contains("operator").contains("admin");
        assertThat(whenRegistered("diwan:plugins")).contains("Plugin").contains("State");
        // the sync commands are there on a node without a link too, and say what they can
        assertThat(whenRegistered("diwan:sync")).contains("role").contains("hq").contains("not configured");
        assertThat(whenRegistered("diwan:sync-enrol TUN")).contains("DIWAN_LINK_PORT");
        assertThat(whenRegistered("diwan:search")).contains("Collection").contains("Records");
        assertThat(whenRegistered("diwan:search-rebuild nobody.record")).contains("cannot be rebuilt");
    }

    /** Karaf registers shell commands as their bundles start, some after SSH already answers. */
    private String whenRegistered(String command) {
        String[] output = new String[1];
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            output[0] = asOperator(command);
            return !output[0].contains("Command not found");
        });
        return output[0];
    }

    /** Karaf closes the SSH session once an exec channel has run: one session per command. */
    private String asOperator(String command) throws Exception {
        try (ClientSession session = ssh.connect("operator", "127.0.0.1", node.sshPort()).verify(TIMEOUT).getSession()) {
            session.addPasswordIdentity(PASSWORD);
            session.auth().verify(TIMEOUT);
            return exec(session, command);
        }
    }

    @Test
    void wrongAndDefaultCredentialsAreRefused() throws Exception {
        for (String[] credentials : new String[][] {{"operator", "not the password"}, {"karaf", "karaf"}, {"admin", "admin"}}) {
            try (ClientSession session = ssh.connect(credentials[0], "127.0.0.1", node.sshPort()).verify(TIMEOUT).getSession()) {
                session.addPasswordIdentity(credentials[1]);
                assertThatThrownBy(() -> session.auth().verify(TIMEOUT)).as(credentials[0]).isNotNull();
            }
        }
    }

    @Test
    void failuresFromOneSshClientDoNotLockTheConsoleForAnother() throws Exception {
        // whenRegistered: the shell may still be registering commands; the unlock command is needed below
        assertThat(whenRegistered("diwan:user-unlock")).containsAnyOf("No login lock", "Login");
        for (int i = 0; i < 5; i++) {
            int attempt = i;
            assertThatThrownBy(() -> asOperatorFrom("127.0.0.2", "wrong password " + attempt, "echo no")).isNotNull();
        }
        assertThatThrownBy(() -> asOperatorFrom("127.0.0.2", PASSWORD, "echo no")).as("locked for that client").isNotNull();
        assertThat(asOperatorFrom("127.0.0.3", PASSWORD, "diwan:user-unlock")).contains("operator").contains("127.0.0.2");
        assertThat(asOperatorFrom("127.0.0.3", PASSWORD, "diwan:user-unlock operator")).contains("Unlocked operator");
        assertThat(asOperatorFrom("127.0.0.2", PASSWORD, "echo back in")).contains("back in");
    }

    @Test
    void apiTokensAreListedAndRevokedFromTheConsole() throws Exception {
        assertThat(whenRegistered("diwan:tokens")).contains("No API tokens.");
        assertThat(whenRegistered("diwan:tokens --revoke 00000000-0000-0000-0000-000000000000")).contains("Nothing revoked");
        assertThat(whenRegistered("diwan:tokens --revoke dwn_x")).contains("Not a token id");
    }

    private String asOperatorFrom(String source, String password, String command) throws Exception {
        try (ClientSession session = ssh.connect("operator", new InetSocketAddress("127.0.0.1", node.sshPort()), null,
                new InetSocketAddress(source, 0)).verify(TIMEOUT).getSession()) {
            session.addPasswordIdentity(password);
            session.auth().verify(TIMEOUT);
            return exec(session, command);
        }
    }

    @Test
    void leavesNoSetupTokenBehind() {
        assertThat(node.data().resolve("setup-token")).doesNotExist();
    }

    private static String exec(ClientSession session, String command) throws Exception {
        try (ChannelExec channel = session.createExecChannel(command)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            channel.setOut(out);
            channel.setErr(out);
            channel.open().verify(TIMEOUT);
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
