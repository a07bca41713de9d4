package org.diwan.integration.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Diwan integration (Camel)",
        description = "The node's Camel runtime and the YAML routes it loads from the deploy folder.")
@interface IntegrationConfig {

    @AttributeDefinition(name = "Shutdown timeout (seconds)",
            description = "How long stopping a route (file replaced or deleted) or the whole runtime waits for messages "
                    + "still in flight before forcing it.")
    int shutdownTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Tracing",
            description = "Log every step of every message (logger org.apache.camel.Tracing); for finding a fault, "
                    + "not for production.")
    boolean tracing() default false;

    @AttributeDefinition(name = "Deploy folder",
            description = "The folder Karaf's fileinstall watches for *.camel.yaml files; empty means <karaf.base>/deploy. "
                    + "Read again when the runtime (re)starts, because fileinstall only offers a file when it changes.")
    String deployFolder() default "";
}
