package org.diwan.messaging.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;

/** CORE clients of headquarters' link port, as a mission (or an attacker) would open them. */
final class LinkClients {

    private LinkClients() {
    }

    /** Over TLS, trusting only {@code pem}; fails if the handshake or the login fails. */
    static TestBroker.TcpSession openTls(int port, String pem, Path folder, String user, String password) throws Exception {
        Path pemFile = Files.createTempFile(folder, "hq", ".pem");
        Files.writeString(pemFile, pem, StandardCharsets.US_ASCII);
        String trustPassword = PrivateFiles.newSecret();
        Path trustStore = HqTrustStore.build(pemFile, Files.createTempDirectory(folder, "trust"), trustPassword);
        Map<String, Object> params = base(port);
        params.put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
        params.put(TransportConstants.TRUSTSTORE_PATH_PROP_NAME, trustStore.toString());
        params.put(TransportConstants.TRUSTSTORE_PASSWORD_PROP_NAME, trustPassword);
        params.put(TransportConstants.TRUSTSTORE_TYPE_PROP_NAME, "PKCS12");
        params.put(TransportConstants.VERIFY_HOST_PROP_NAME, false);
        return open(params, user, password, 5_000);
    }

    /** Plain TCP, no TLS. */
    static TestBroker.TcpSession openPlain(int port, String user, String password) throws Exception {
        Map<String, Object> params = base(port);
        // the TLS acceptor never answers, so the client gives up after its call timeout
        params.put(TransportConstants.NETTY_CONNECT_TIMEOUT, 1_000);
        return open(params, user, password, 1_000);
    }

    private static Map<String, Object> base(int port) {
        Map<String, Object> params = new HashMap<>();
        params.put(TransportConstants.HOST_PROP_NAME, TestBroker.LOOPBACK);
        params.put(TransportConstants.PORT_PROP_NAME, port);
        params.put(TransportConstants.USE_EPOLL_PROP_NAME, false);
        return params;
    }

    private static TestBroker.TcpSession open(Map<String, Object> params, String user, String password, long callTimeout) throws Exception {
        ServerLocator locator = ActiveMQClient.createServerLocatorWithoutHA(new TransportConfiguration(NettyConnectorFactory.class.getName(), params))
                .setCallTimeout(callTimeout)
                .setConnectionTTL(60_000)
                .setReconnectAttempts(0)
                .setInitialConnectAttempts(1);
        ClientSessionFactory factory = null;
        try {
            factory = locator.createSessionFactory();
            ClientSession session = factory.createSession(user, password, false, true, true, false, 0);
            return new TestBroker.TcpSession(locator, factory, session);
        } catch (Exception e) {
            if (factory != null) {
                factory.close();
            }
            locator.close();
            throw e;
        }
    }
}
