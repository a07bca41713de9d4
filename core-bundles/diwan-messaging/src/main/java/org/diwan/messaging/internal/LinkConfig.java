package org.diwan.messaging.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The mission ↔ headquarters link, PID {@code org.diwan.link}, read by the same component as
 * {@link MessagingConfig}. Which half applies comes from the framework property {@code diwan.node.role}: the
 * {@code listen*} and {@code publicAddress} attributes on headquarters, the others on a mission.
 */
@ObjectClassDefinition(pid = "org.diwan.link", name = "Diwan link",
        description = "Headquarters: the TLS acceptor missions connect to. Mission: where headquarters is and how to log in.")
@interface LinkConfig {

    String PID = "org.diwan.link";
    String ETC_TOKEN = "${karaf.etc}";

    @AttributeDefinition(name = "Listen host (HQ)", description = "Address the link's TLS acceptor binds to.")
    String listenHost() default "0.0.0.0";

    @AttributeDefinition(name = "Listen port (HQ)", description = "Port of the link's TLS acceptor; 0 turns the link off.",
            min = "0", max = "65535")
    int listenPort() default 0;

    @AttributeDefinition(name = "Public address (HQ)",
            description = "host:port missions reach the link at (handed to them at enrolment, and the certificate's name)."
                    + " Empty: this machine's host name and the listen port.", required = false)
    String publicAddress() default "";

    @AttributeDefinition(name = "Headquarters address (mission)",
            description = "host:port of headquarters' link. Empty: no link, the mission works on its own.", required = false)
    String hqAddress() default "";

    @AttributeDefinition(name = "Secret (mission)", type = AttributeType.PASSWORD, required = false,
            description = "The mission's password on headquarters, from its enrolment.")
    String secret() default "";

    @AttributeDefinition(name = "Headquarters certificate (mission)",
            description = "PEM file of headquarters' certificate, from its enrolment: the only certificate the link trusts.")
    String hqCertificate() default ETC_TOKEN + "/diwan-hq.pem";

    @AttributeDefinition(name = "First retry (ms, mission)", min = "100",
            description = "Wait before reconnecting to headquarters; doubles at each failure up to the maximum.")
    long retryIntervalMs() default 1000;

    @AttributeDefinition(name = "Longest retry (ms, mission)", min = "100", description = "Longest wait between reconnections.")
    long maxRetryIntervalMs() default 30_000;
}
