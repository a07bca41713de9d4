package org.diwan.messaging.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.diwan.api.sync.Enrolment;

/** A node's role and link settings for {@link TestBroker}: what the framework properties and org.diwan.link would say. */
final class TestLink {

    String role = LinkSettings.HQ;
    String mission;
    String listenHost = TestBroker.LOOPBACK;
    int listenPort;
    String publicAddress = "";
    String hqAddress = "";
    String secret = "";
    String hqCertificate = "";
    String karafEtc;
    long retryIntervalMs = 100;
    long maxRetryIntervalMs = 400;

    static TestLink hq() {
        return new TestLink();
    }

    /** Headquarters with its link acceptor on {@code listenPort}, on loopback. */
    static TestLink hq(int listenPort) {
        TestLink link = new TestLink();
        link.listenPort = listenPort;
        link.publicAddress = TestBroker.LOOPBACK + ":" + listenPort;
        return link;
    }

    /** A mission with what its administrator was handed; the certificate is written to {@code pemFile}. */
    static TestLink mission(Enrolment enrolment, Path pemFile) throws IOException {
        Files.writeString(pemFile, enrolment.hqCertificate(), StandardCharsets.US_ASCII);
        TestLink link = new TestLink();
        link.role = LinkSettings.MISSION;
        link.mission = enrolment.missionCode();
        link.hqAddress = enrolment.hqEndpoint();
        link.secret = enrolment.secret();
        link.hqCertificate = pemFile.toString();
        return link;
    }

    Map<String, String> framework() {
        Map<String, String> properties = new HashMap<>();
        properties.put(LinkSettings.ROLE_PROPERTY, role);
        if (mission != null) {
            properties.put(LinkSettings.MISSION_PROPERTY, mission);
        }
        if (karafEtc != null) {
            properties.put(LinkSettings.ETC_PROPERTY, karafEtc);
        }
        return properties;
    }

    LinkConfig config() {
        return new LinkConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return LinkConfig.class;
            }

            @Override
            public String listenHost() {
                return listenHost;
            }

            @Override
            public int listenPort() {
                return listenPort;
            }

            @Override
            public String publicAddress() {
                return publicAddress;
            }

            @Override
            public String hqAddress() {
                return hqAddress;
            }

            @Override
            public String secret() {
                return secret;
            }

            @Override
            public String hqCertificate() {
                return hqCertificate;
            }

            @Override
            public long retryIntervalMs() {
                return retryIntervalMs;
            }

            @Override
            public long maxRetryIntervalMs() {
                return maxRetryIntervalMs;
            }
        };
    }
}
