package org.diwan.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Diwan login lockout",
        description = "How many failed logins lock an account or slow an address down (OWASP ASVS 2.2.1).")
@interface LockoutConfig {

    @AttributeDefinition(name = "Failures per account", description = "Failed logins within the window that lock the account.")
    int maxFailures() default 5;

    @AttributeDefinition(name = "Window (minutes)", description = "How far back failed logins count.")
    int windowMinutes() default 15;

    @AttributeDefinition(name = "Lock (minutes)", description = "How long a locked account stays locked after its last failure.")
    int lockMinutes() default 15;

    @AttributeDefinition(name = "Failures per address",
            description = "Failed logins from one address, over all accounts, within the window, before that address is refused.")
    int maxAddressFailures() default 30;
}
