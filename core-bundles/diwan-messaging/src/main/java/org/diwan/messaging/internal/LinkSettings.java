package org.diwan.messaging.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link LinkConfig} and the node's framework properties, checked and resolved: the role from
 * {@value #ROLE_PROPERTY} and the mission code from {@value #MISSION_PROPERTY}, read the way diwan-node's
 * NodeIdentity reads them, so both bundles agree on what the node is.
 */
final class LinkSettings {

    static final String ROLE_PROPERTY = "diwan.node.role";
    static final String MISSION_PROPERTY = "diwan.node.mission";
    static final String ETC_PROPERTY = "karaf.etc";
    static final String HQ = "hq";
    static final String MISSION = "mission";
    private static final Pattern MISSION_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    /** A DNS name or IPv4 address, or an IPv6 address in brackets: nothing that could smuggle URI or DN syntax. */
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9][A-Za-z0-9.-]{0,252}):(\\d{1,5})");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private LinkSettings() {
    }

    /** {@code host:port}, checked; {@link #host()} keeps an IPv6 address's brackets, as URIs want it. */
    record HostPort(String host, int port) {

        static HostPort parse(String text, String what) {
            Matcher matcher = HOST_PORT.matcher(text == null ? "" : text.strip());
            if (!matcher.matches()) {
                throw new IllegalArgumentException(what + " must be host:port, not '" + text + "'");
            }
            int port = Integer.parseInt(matcher.group(2));
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException(what + ": port out of range in '" + text + "'");
            }
            return new HostPort(matcher.group(1), port);
        }

        /** The host without brackets, for a certificate's subject alternative name. */
        String bareHost() {
            return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        }

        boolean isIpAddress() {
            return host.startsWith("[") || IPV4.matcher(host).matches();
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** Headquarters' side: where the TLS acceptor listens and the address missions are told to use. */
    record Hq(String listenHost, int listenPort, HostPort publicAddress) {

        static Hq of(LinkConfig config) {
            int port = config.listenPort();
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("listenPort out of range: " + port);
            }
            String host = config.listenHost() == null || config.listenHost().isBlank() ? "0.0.0.0" : config.listenHost().strip();
            String published = config.publicAddress() == null || config.publicAddress().isBlank()
                    ? localHostName() + ":" + port : config.publicAddress();
            return new Hq(host, port, HostPort.parse(published, "publicAddress"));
        }

        String listenEndpoint() {
            return (listenHost.contains(":") && !listenHost.startsWith("[") ? "[" + listenHost + "]" : listenHost) + ":" + listenPort;
        }
    }

    /** A mission's side: who it is on headquarters' broker, where headquarters is, which certificate to trust. */
    record Mission(String code, HostPort hqAddress, String secret, Path hqCertificate, long retryIntervalMs, long maxRetryIntervalMs) {

        static Mission of(LinkConfig config, Function<String, String> framework) {
            String code = missionCode(framework.apply(MISSION_PROPERTY));
            HostPort hq = HostPort.parse(config.hqAddress(), "hqAddress");
            if (config.secret() == null || config.secret().isBlank()) {
                throw new IllegalArgumentException("no secret configured for mission " + code + " (" + LinkConfig.PID + " secret)");
            }
            long retry = Math.max(100, config.retryIntervalMs());
            long maxRetry = Math.max(retry, config.maxRetryIntervalMs());
            return new Mission(code, hq, config.secret().strip(), certificatePath(config.hqCertificate(), framework), retry, maxRetry);
        }

        /** Never the secret. */
        @Override
        public String toString() {
            return "Mission[" + code + " -> " + hqAddress + "]";
        }
    }

    /** {@code hq} (the default) or {@code mission}; anything else is a broken installation and stops the broker. */
    static String role(Function<String, String> framework) {
        String text = framework.apply(ROLE_PROPERTY);
        String value = text == null || text.isBlank() ? HQ : text.strip().toLowerCase(Locale.ROOT);
        if (!value.equals(HQ) && !value.equals(MISSION)) {
            throw new IllegalStateException(ROLE_PROPERTY + " must be 'hq' or 'mission', not '" + value + "'");
        }
        return value;
    }

    static String missionCode(String text) {
        String code = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (!isMissionCode(code)) {
            throw new IllegalArgumentException(MISSION_PROPERTY + " must be 2-32 of A-Z, 0-9 and '-' (got '" + code + "')");
        }
        return code;
    }

    static boolean isMissionCode(String code) {
        return code != null && MISSION_CODE.matcher(code).matches();
    }

    /** {@code ${karaf.etc}} is expanded here: configuration admin hands metatype defaults over as they are written. */
    static Path certificatePath(String configured, Function<String, String> framework) {
        String path = configured == null || configured.isBlank() ? LinkConfig.ETC_TOKEN + "/diwan-hq.pem" : configured.strip();
        if (path.contains(LinkConfig.ETC_TOKEN)) {
            String etc = framework.apply(ETC_PROPERTY);
            if (etc == null || etc.isBlank()) {
                throw new IllegalArgumentException("hqCertificate refers to " + LinkConfig.ETC_TOKEN + " but " + ETC_PROPERTY + " is not set");
            }
            path = path.replace(LinkConfig.ETC_TOKEN, etc);
        }
        return Path.of(path);
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
