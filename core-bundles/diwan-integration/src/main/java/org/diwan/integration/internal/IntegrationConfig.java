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
            description = "Log every step of every message (logger org.apache.camel.Tracing), with its headers and "
                    + "body; for finding a fault, not for production. Route settings' values and headers named like "
                    + "secrets (Authorization, Cookie, *token*, *secret*, *password*, *key*) are masked. Switched on and "
                    + "off without restarting any route.")
    boolean tracing() default false;

    @AttributeDefinition(name = "Traced routes",
            description = "With tracing on, trace only these route ids (wildcards allowed: missions-*); empty traces "
                    + "every route. Changed without restarting any route.")
    String[] tracingRoutes() default {};

    @AttributeDefinition(name = "Trace marked messages only",
            description = "With tracing on, trace only the messages that carry the header DiwanTrace (an HTTP header, "
                    + "a JMS property or a route's setHeader; any value but false), on the traced routes: one test "
                    + "message can be followed without logging the others. Changed without restarting any route.")
    boolean tracingMarkedOnly() default false;

    @AttributeDefinition(name = "Components of route files",
            description = "The Camel components route files in the deploy folder may use; a file naming another one is "
                    + "refused. Add a component only if it is embedded in diwan-integration and cannot run commands or "
                    + "arbitrary Java (never class, exec, language, controlbus). Applies to route files loaded from then on.")
    String[] routeComponents() default {"timer", "log", "direct", "seda", "file", "bean", "jms", "sjms", "http", "https",
        "smtp", "smtps", "imap", "imaps", "pop3", "pop3s"};

    @AttributeDefinition(name = "Deploy folder",
            description = "The folder Karaf's fileinstall watches for *.camel.yaml files; empty means <karaf.base>/deploy. "
                    + "Read again when the runtime (re)starts, because fileinstall only offers a file when it changes.")
    String deployFolder() default "";
}
