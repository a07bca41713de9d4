package org.diwan.messaging.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(pid = MessagingConfig.PID, name = "Diwan messaging",
        description = "The node's embedded Artemis broker: CORE protocol only, authenticated, persistent.")
@interface MessagingConfig {

    String PID = "org.diwan.messaging";

    @AttributeDefinition(name = "Host",
            description = "Address the TCP acceptor binds to. Anything but loopback is reachable from other machines"
                    + " over plain TCP: put TLS in front of it first.")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Port", description = "TCP port of the CORE acceptor.", min = "1", max = "65535")
    int port() default 61616;

    @AttributeDefinition(name = "Memory for messages (MiB)",
            description = "global-max-size: above it, addresses page to disk. Artemis would take half the heap.",
            min = "1")
    int globalMaxSizeMb() default 64;

    @AttributeDefinition(name = "Free disk to keep (MiB)",
            description = "min-disk-free: below this much free space on the journal's disk, the broker blocks senders"
                    + " until space is freed, so that the database beside it can still commit. Artemis's own rule (block"
                    + " past 90 % used) would stop a node with tens of gigabytes free on a large disk.",
            min = "1")
    int minDiskFreeMb() default 1024;

    @AttributeDefinition(name = "Journal folder",
            description = "Folder of the journal, bindings, paging, large messages and the internal credentials."
                    + " Empty: artemis under the node's data folder.")
    String journalFolder() default "";
}
