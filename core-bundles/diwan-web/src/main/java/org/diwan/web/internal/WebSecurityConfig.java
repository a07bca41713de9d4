package org.diwan.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the web shell's security ({@code etc/org.diwan.web.cfg}). */
@ObjectClassDefinition(name = "Diwan web security", description = "Security settings of the web shell")
public @interface WebSecurityConfig {

    @AttributeDefinition(name = "HSTS max-age (seconds)",
            description = "Strict-Transport-Security on HTTPS answers: browsers use only HTTPS for this host for so long. "
                    + "0 sends no header (for a node behind a proxy that sets its own).")
    long hstsMaxAgeSeconds() default 31_536_000L;
}
