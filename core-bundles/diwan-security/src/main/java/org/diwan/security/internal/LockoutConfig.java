package org.diwan.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Diwan login lockout",
        description = "How many failed logins lock a login name for one address, slow an address down, or close an account"
                + " to unknown addresses (OWASP ASVS 2.2.1, NIST SP 800-63B 5.2.2).")
@interface LockoutConfig {

    @AttributeDefinition(name = "Failures per name and address",
            description = "Failed logins of one name from one address (IPv6: one /64) within the window that lock that name for that address.")
    int maxFailures() default 5;

    @AttributeDefinition(name = "Window (minutes)", description = "How far back failed logins count.")
    int windowMinutes() default 15;

    @AttributeDefinition(name = "Lock (minutes)",
            description = "How long the first lock of a name for an address lasts; each further one within a day lasts twice as long.")
    int lockMinutes() default 15;

    @AttributeDefinition(name = "Longest lock (minutes)", description = "The cap of the doubling lock.")
    int maxLockMinutes() default 240;

    @AttributeDefinition(name = "Failures per address",
            description = "Failed logins from one address, over all names, within the window, before that address is refused.")
    int maxAddressFailures() default 30;

    @AttributeDefinition(name = "Failures per account and hour",
            description = "Failed logins of one name from all addresses within an hour that close the account to addresses it has"
                    + " never logged in from (0: never).")
    int accountFailuresPerHour() default 100;
}
