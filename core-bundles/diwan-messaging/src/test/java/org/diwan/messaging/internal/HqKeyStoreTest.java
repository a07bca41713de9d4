package org.diwan.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.diwan.api.sync.LinkStatus;
import org.diwan.api.sync.MissionLinks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headquarters' key and certificate: made once with keytool, kept across restarts, replaceable by an administrator. */
class HqKeyStoreTest {

    @TempDir
    Path folder;

    @Test
    void keyAndCertificateAreMadeOnceAndReusedAcrossRestarts() throws Exception {
        Path hqFolder = folder.resolve("hq");
        Path linkFolder = hqFolder.resolve("link");
        TestBroker hq = new TestBroker(hqFolder, TestBroker.freePort(), TestLink.hq(TestBroker.freePort()));
        try {
            Path keyStore = linkFolder.resolve(HqKeyStore.KEYSTORE);
            Path passwordFile = linkFolder.resolve(HqKeyStore.PASSWORD_FILE);
            String pem = Files.readString(linkFolder.resolve(HqKeyStore.PEM));
            byte[] keyStoreBytes = Files.readAllBytes(keyStore);
            assertThat(Files.getPosixFilePermissions(keyStore)).isEqualTo(PrivateFiles.OWNER_ONLY);
            assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PrivateFiles.OWNER_ONLY);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(linkFolder))).isEqualTo("rwx------");
            String password = Files.readString(passwordFile).strip();
            assertThat(password).hasSize(43);
            try (var files = Files.list(linkFolder)) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .containsExactlyInAnyOrder(HqKeyStore.KEYSTORE, HqKeyStore.PASSWORD_FILE, HqKeyStore.PEM);
            }

            List<X509Certificate> certificates = Pem.decode(pem);
            assertThat(certificates).hasSize(1);
            X509Certificate certificate = certificates.get(0);
            assertThat(certificate).isEqualTo(HqKeyStore.certificate(keyStore, password));
            assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=127.0.0.1");
            assertThat(names(certificate)).containsExactlyInAnyOrder("127.0.0.1", "localhost");
            assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
            assertThat(certificate.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(3649)));
            certificate.verify(certificate.getPublicKey()); // self-signed

            hq = hq.restart();
            assertThat(Files.readAllBytes(keyStore)).isEqualTo(keyStoreBytes);
            assertThat(Files.readString(linkFolder.resolve(HqKeyStore.PEM))).isEqualTo(pem);
            assertThat(hq.service(MissionLinks.class, null).enrol("KBL").hqCertificate()).isEqualTo(pem);
        } finally {
            hq.close();
        }
    }

    @Test
    void anAdministratorsKeystoreAndPasswordFileAreUsedAsTheyAre() throws Exception {
        HqKeyStore own = HqKeyStore.loadOrCreate(folder.resolve("made-elsewhere"), LinkSettings.HostPort.parse("hq.example.org:443", "test"));
        Path linkFolder = Files.createDirectories(folder.resolve("hq").resolve("link"));
        Files.copy(own.path(), linkFolder.resolve(HqKeyStore.KEYSTORE));
        Files.writeString(linkFolder.resolve(HqKeyStore.PASSWORD_FILE), own.password() + "\n");

        try (TestBroker hq = new TestBroker(folder.resolve("hq"), TestBroker.freePort(), TestLink.hq(TestBroker.freePort()))) {
            String pem = hq.service(MissionLinks.class, null).enrol("KBL").hqCertificate();
            assertThat(pem).isEqualTo(own.pem());
            X509Certificate certificate = Pem.decode(pem).get(0);
            assertThat(names(certificate)).containsExactlyInAnyOrder("hq.example.org", "localhost", "127.0.0.1");
            assertThat(Files.readString(linkFolder.resolve(HqKeyStore.PEM))).isEqualTo(own.pem());
        }
    }

    @Test
    void aKeystoreWithoutItsPasswordLeavesHqRunningWithoutTheLink() throws Exception {
        Path linkFolder = Files.createDirectories(folder.resolve("hq").resolve("link"));
        Files.write(linkFolder.resolve(HqKeyStore.KEYSTORE), new byte[] {1, 2, 3});
        try (TestBroker hq = new TestBroker(folder.resolve("hq"), TestBroker.freePort(), TestLink.hq(TestBroker.freePort()))) {
            LinkStatus status = hq.status();
            assertThat(status.enabled()).isTrue();
            assertThat(status.connected()).isFalse();
            assertThat(status.lastError()).contains(HqKeyStore.PASSWORD_FILE);
            assertThat(hq.service(MissionLinks.class, null)).isNull();
            assertThat(hq.broker.server().getRemotingService().getAcceptors()).doesNotContainKey(HqLink.LINK_ACCEPTOR);
            try (TestBroker.TcpSession internal = hq.openTcp()) {
                internal.send("diwan.test.still", "works", null);
            }
        }
    }

    /** The subject alternative names, DNS and IP alike. */
    private static List<String> names(X509Certificate certificate) throws Exception {
        return certificate.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList();
    }
}
