package org.diwan.security.internal;

import java.util.HashMap;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.diwan.api.security.Authenticator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Replaces Karaf's own {@code karaf} JAAS realm (users.properties, which Diwan leaves empty) with Diwan's
 * accounts: the SSH console accepts administrators only, with their Diwan password and under the same
 * lockout as the web. Ranked above Karaf's realm, which it thereby hides.
 */
@Component(service = JaasRealm.class)
public final class ConsoleJaasRealm implements JaasRealm {

    static final String REALM = "karaf";
    static final int RANK = 100;

    private final AppConfigurationEntry[] entries;

    @Activate
    public ConsoleJaasRealm(@Reference Authenticator authenticator, BundleContext context) {
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, ConsoleLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        // JAAS creates login modules itself; the authenticator reaches them through their options.
        options.put(ConsoleLoginModule.AUTHENTICATOR_OPTION, authenticator);
        entries = new AppConfigurationEntry[] {
            new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.REQUIRED, options)
        };
    }

    @Override
    public String getName() {
        return REALM;
    }

    @Override
    public int getRank() {
        return RANK;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries.clone();
    }
}
