package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.diwan.itkit.DiwanNode;
import org.diwan.itkit.WebClient;

/**
 * What must be seen from outside a running node: the unpacked archive started as its own process,
 * offline, with nothing but loopback listening and no account to log in with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeProcessIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private DiwanNode node;
    private SshClient ssh;

    @BeforeAll
    void startNode() throws Exception {
        node = DiwanNode.unpack("process-it").start().awaitHttp();
        // SSH comes up with the last boot features: once it listens, the boot is complete.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> ListeningSockets.of(node.jvm().pid())
                .stream().anyMatch(l -> l.port() == node.sshPort()));
        ssh = SshClient.setUpDefaultClient();
        ssh.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        ssh.start();
    }

    @AfterAll
    void stopNode() throws Exception {
        if (ssh != null) {
            ssh.stop();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void nothingButHttpsListensBeyondLoopback() throws Exception {
        List<ListeningSockets.Listener> listeners = ListeningSockets.of(node.jvm().pid());
        assertThat(listeners).extracting(ListeningSockets.Listener::port).contains(node.httpPort(), node.sshPort(), node.httpsPort());
        assertThat(listeners).filteredOn(l -> l.port() != node.httpsPort())
                .allSatisfy(l -> assertThat(l.loopback()).as("%s is bound beyond loopback", l).isTrue());
    }

    @Test
    void servesHttpsWithTheCertificateMadeAtFirstStart() throws Exception {
        Path tls = node.data().resolve("tls");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve("diwan.p12")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve("password")))).isEqualTo("rw-------");

        javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
        trustAll.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String auth) {
                // the test trusts the node's self-signed certificate: what it checks is that TLS is served
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String auth) {
                // idem
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        java.net.http.HttpClient https = java.net.http.HttpClient.newBuilder().sslContext(trustAll).build();
        java.net.http.HttpRequest health = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("https://127.0.0.1:" + node.httpsPort() + "/health")).build();
        // 503 STARTING until the web shell is complete
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> https.send(health, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        var response = https.send(health, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        // HTTPS answers tell browsers to use nothing else for a year; the loopback HTTP port for local tools does not
        assertThat(response.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(new WebClient(node.httpPort()).get("/health").headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(response.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).isIn("TLSv1.2", "TLSv1.3"));
    }

    @Test
    void hasNoJmxConnector() throws Exception {
        assertThat(ListeningSockets.of(node.jvm().pid())).extracting(ListeningSockets.Listener::port)
                .doesNotContain(1099, 44444);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"karaf,karaf", "admin,admin", "smx,smx", "tadmin,tadmin", "root,root"})
    void sshConsoleRefusesDefaultCredentials(String user, String password) throws Exception {
        try (ClientSession session = ssh.connect(user, "127.0.0.1", node.sshPort()).verify(TIMEOUT).getSession()) {
            session.addPasswordIdentity(password);
            assertThatThrownBy(() -> session.auth().verify(TIMEOUT)).hasMessageContaining("No more authentication methods");
        }
    }

    @Test
    void sshConsoleRefusesUnauthenticatedSessions() throws Exception {
        try (ClientSession session = ssh.connect("karaf", "127.0.0.1", node.sshPort()).verify(TIMEOUT).getSession()) {
            assertThatThrownBy(() -> session.auth().verify(TIMEOUT)).isNotNull();
            assertThat(session.isAuthenticated()).isFalse();
        }
    }

    @Test
    void firstStartWritesASetupTokenAndShowsItOnTheConsole() throws Exception {
        Path tokenFile = node.data().resolve("setup-token");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(tokenFile));
        String token = Files.readString(tokenFile).strip();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(node.home().resolve("console.log")).contains(token));
    }

    @Test
    void brokerAcceptsOnlyItsInternalUser() throws Exception {
        Path credentials = node.data().resolve("artemis/broker-credentials");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(credentials));
        // the credentials are written before the broker opens its acceptor
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> ListeningSockets.of(node.jvm().pid())
                .stream().anyMatch(l -> l.port() == node.brokerPort()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        try (ServerLocator locator = ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + node.brokerPort());
                ClientSessionFactory factory = locator.createSessionFactory()) {
            for (String[] user : new String[][] {{null, null}, {"guest", "guest"}, {"admin", "admin"}, {"artemis", "artemis"},
                    {"diwan", "diwan"}, {"ACTIVEMQ.CLUSTER.ADMIN.USER", "CHANGE ME!!"}}) {
                assertThatThrownBy(() -> factory.createSession(user[0], user[1], false, true, true, false, 1).close())
                        .as("%s/%s", user[0], user[1]).isInstanceOf(ActiveMQSecurityException.class);
            }
            String password = Files.readString(credentials).strip();
            factory.createSession("diwan", password, false, true, true, false, 1).close();
        }
    }

    @Test
    void writesStructuredLogsOneJsonObjectPerLine() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Path file = node.data().resolve("log/diwan.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(file) && Files.readString(file).contains("setup token"));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).isNotEmpty();
        List<com.fasterxml.jackson.databind.JsonNode> events = new java.util.ArrayList<>();
        for (String line : lines) {
            events.add(json.readTree(line));
        }
        assertThat(events).allSatisfy(e -> assertThat(e.has("time") && e.has("level") && e.has("logger") && e.has("message")).isTrue());
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("bundle").asText()).isEqualTo("org.diwan.security");
            assertThat(e.get("level").asText()).isEqualTo("WARN");
            assertThat(e.get("message").asText()).contains("setup token");
        });
    }

    @Test
    void runsWithTheHeapCapOfBinSetenv() throws Exception {
        // 384m unless DIWAN_HEAP says otherwise; the serial collector may round the limit up to its alignment
        assertThat(JvmProbe.maxHeapBytes(node.jvm())).isBetween(384L << 20, 385L << 20);
    }

    @Test
    void keepsItsDataInTheConfiguredFolder() {
        assertThat(node.data().resolve("log/karaf.log")).exists();
        assertThat(node.home().resolve("data/log")).doesNotExist();
        assertThat(node.home().resolve("data/cache")).doesNotExist();
    }

    @Test
    void consultsNoRemoteMavenRepository() throws Exception {
        Properties mvn = new Properties();
        try (var in = Files.newInputStream(node.home().resolve("etc/org.ops4j.pax.url.mvn.cfg"))) {
            mvn.load(in);
        }
        assertThat(mvn.getProperty("org.ops4j.pax.url.mvn.repositories")).isBlank();
        assertThat(mvn.getProperty("org.ops4j.pax.url.mvn.localRepository")).startsWith("${karaf.data}");
    }

    @Test
    void bootsWithoutErrorsInTheLog() throws Exception {
        assertThat(Files.readString(node.data().resolve("log/karaf.log")))
                .doesNotContain("| ERROR |")
                .doesNotContain("Error installing boot feature");
    }
}
