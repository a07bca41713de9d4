package org.diwan.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Diwan LDAP directory",
        description = "Optional: accounts whose password a directory checks (etc/org.diwan.security.ldap.cfg).")
@interface LdapConfig {

    @AttributeDefinition(name = "URL", description = "ldaps://host:636 (or ldap:// on a trusted network)")
    String url() default "ldaps://ldap.example.org:636";

    @AttributeDefinition(name = "User DN template", description = "The user's DN, {0} standing for the login name")
    String userDnTemplate() default "uid={0},ou=people,dc=example,dc=org";

    @AttributeDefinition(name = "Display name attribute")
    String displayNameAttribute() default "cn";

    @AttributeDefinition(name = "Group search base")
    String groupBase() default "ou=groups,dc=example,dc=org";

    @AttributeDefinition(name = "Group filter", description = "{0} stands for the user's DN")
    String groupFilter() default "(member={0})";

    @AttributeDefinition(name = "Role mapping", description = "groupCn=diwanRole pairs, e.g. diwan-admins=admin")
    String[] roleMapping() default {};

    @AttributeDefinition(name = "Timeout (ms)", description = "Connect and read timeout")
    int timeoutMillis() default 5000;
}
