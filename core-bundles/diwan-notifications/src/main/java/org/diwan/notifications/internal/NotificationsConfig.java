package org.diwan.notifications.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Diwan notifications",
        description = "Notifications by e-mail: rendered in the recipient's language and queued for the mail route")
public @interface NotificationsConfig {

    @AttributeDefinition(name = "Send notifications by e-mail",
            description = "Queue a mail on diwan.mail.outgoing for each notification of a user who set an address and did not "
                    + "turn mail off. Deploy camel-routes/notifications/notifications-mail.camel.yaml to send them.")
    boolean mail_enabled() default false;

    @AttributeDefinition(name = "Public base URL",
            description = "The node's address as its users reach it (https://diwan.example.org): links in mails are made absolute "
                    + "with it. Empty: mails carry no link.")
    String publicBaseUrl() default "";

    @AttributeDefinition(name = "Relay interval (ms)", description = "How often queued mails are moved from the outbox to the broker")
    long relayIntervalMs() default 2000;
}
