package org.diwan.distribution;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;

/**
 * A login on headquarters' link port from the test JVM, over TLS and the CORE protocol, as a mission node's link
 * opens it: the mission's code as the user, and as the password its enrolment secret and a node key joined by a dot.
 */
final class LinkLogin {

    private LinkLogin() {
    }

    /** A node key no node has: base64url, as a node makes its own. */
    static String newNodeKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /**
     * Logs in once, trusting only {@code hqCertificate} (PEM); closes the session if headquarters accepts it, throws
     * what the login met if it does not (an {@code ActiveMQSecurityException} when the credentials are refused).
     */
    static void once(int linkPort, String hqCertificate, String missionCode, String secret, String nodeKey) throws Exception {
        String trustPassword = newNodeKey();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("hq", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(hqCertificate.getBytes(StandardCharsets.US_ASCII))));
        Path trustStore = Files.createTempFile(Files.createDirectories(Path.of("target", "nodes")), "hq-trust", ".p12");
        try {
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                trust.store(out, trustPassword.toCharArray());
            }
            Map<String, Object> params = new HashMap<>();
            params.put(TransportConstants.HOST_PROP_NAME, "127.0.0.1");
            params.put(TransportConstants.PORT_PROP_NAME, linkPort);
            params.put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
            params.put(TransportConstants.TRUSTSTORE_PATH_PROP_NAME, trustStore.toString());
            params.put(TransportConstants.TRUSTSTORE_PASSWORD_PROP_NAME, trustPassword);
            params.put(TransportConstants.TRUSTSTORE_TYPE_PROP_NAME, "PKCS12");
            // as MissionLink: the pinned certificate is the trust, not the name in it
            params.put(TransportConstants.VERIFY_HOST_PROP_NAME, false);
            params.put(TransportConstants.ENABLED_PROTOCOLS_PROP_NAME, "TLSv1.3,TLSv1.2");
            try (ServerLocator locator = ActiveMQClient.createServerLocatorWithoutHA(
                    new TransportConfiguration(NettyConnectorFactory.class.getName(), params))
                    .setReconnectAttempts(0).setInitialConnectAttempts(1);
                    ClientSessionFactory factory = locator.createSessionFactory()) {
                factory.createSession(missionCode, secret + "." + nodeKey, false, true, true, false, 1).close();
            }
        } finally {
            Files.deleteIfExists(trustStore);
        }
    }
}
