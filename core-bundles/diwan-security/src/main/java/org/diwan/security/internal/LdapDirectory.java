package org.diwan.security.internal;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;

import org.diwan.api.security.AccountRules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a password by binding to an LDAP directory as the user (JNDI, no library), then reads the
 * user's display name and groups, and maps the groups to Diwan roles.
 */
@Component(service = LdapDirectory.class, configurationPid = "org.diwan.security.ldap",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = LdapConfig.class)
public final class LdapDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(LdapDirectory.class);

    /** What the directory says of a user whose password it accepted. */
    record DirectoryUser(String username, String displayName, Set<String> roles) {
    }

    private final String url;
    private final String userDnTemplate;
    private final String displayNameAttribute;
    private final String groupBase;
    private final String groupFilter;
    private final Map<String, String> roleByGroup;
    private final int timeoutMillis;

    LdapDirectory(String url, String userDnTemplate, String displayNameAttribute, String groupBase, String groupFilter,
            String[] roleMapping, int timeoutMillis) {
        this.url = url;
        this.userDnTemplate = userDnTemplate;
        this.displayNameAttribute = displayNameAttribute;
        this.groupBase = groupBase;
        this.groupFilter = groupFilter;
        this.roleByGroup = parseMapping(roleMapping);
        this.timeoutMillis = timeoutMillis;
    }

    /** Present only while etc/org.diwan.security.ldap.cfg exists: then LoginService asks the directory too. */
    @Activate
    public LdapDirectory(LdapConfig config) {
        this(config.url(), config.userDnTemplate(), config.displayNameAttribute(), config.groupBase(),
                config.groupFilter(), config.roleMapping(), config.timeoutMillis());
        LOG.info("LDAP directory {} checks the passwords of directory accounts", url);
    }

    /**
     * @return the user, or empty when the directory refuses the password, does not know the name, or cannot be
     *         reached. An empty password is refused here: LDAP would take it as an anonymous bind and succeed.
     */
    Optional<DirectoryUser> authenticate(String username, char[] password) {
        // The login-name rule (a-z, 0-9, '.', '_', '-') also keeps DN and filter metacharacters out.
        if (!AccountRules.USERNAME.matcher(username).matches() || password.length == 0) {
            return Optional.empty();
        }
        String userDn = MessageFormat.format(userDnTemplate.replace("'", "''"), username);
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, url);
        env.put(Context.SECURITY_AUTHENTICATION, "simple");
        env.put(Context.SECURITY_PRINCIPAL, userDn);
        env.put(Context.SECURITY_CREDENTIALS, new String(password));
        env.put("com.sun.jndi.ldap.connect.timeout", Integer.toString(timeoutMillis));
        env.put("com.sun.jndi.ldap.read.timeout", Integer.toString(timeoutMillis));

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // JNDI loads the LDAP context factory through the context class loader; the JDK's is the one that has it.
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        DirContext context = null;
        try {
            context = new InitialDirContext(env);
            String displayName = displayName(context, userDn).orElse(username);
            return Optional.of(new DirectoryUser(username, displayName, roles(context, userDn)));
        } catch (javax.naming.AuthenticationException refused) {
            return Optional.empty();
        } catch (NamingException e) {
            LOG.warn("LDAP directory {} not usable for {}: {}", url, username, e.toString());
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
            close(context);
        }
    }

    private Optional<String> displayName(DirContext context, String userDn) throws NamingException {
        Attribute attribute = context.getAttributes(userDn, new String[] {displayNameAttribute}).get(displayNameAttribute);
        return attribute == null ? Optional.empty() : Optional.of(attribute.get().toString());
    }

    private Set<String> roles(DirContext context, String userDn) throws NamingException {
        Set<String> roles = new TreeSet<>();
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        controls.setReturningAttributes(new String[] {"cn"});
        controls.setTimeLimit(timeoutMillis);
        // filter arguments are escaped by JNDI (RFC 4515)
        NamingEnumeration<SearchResult> groups = context.search(groupBase, groupFilter, new Object[] {userDn}, controls);
        try {
            while (groups.hasMore()) {
                Attribute cn = groups.next().getAttributes().get("cn");
                if (cn != null && roleByGroup.containsKey(cn.get().toString())) {
                    roles.add(roleByGroup.get(cn.get().toString()));
                }
            }
        } finally {
            groups.close();
        }
        return roles;
    }

    static Map<String, String> parseMapping(String[] pairs) {
        Map<String, String> mapping = new HashMap<>();
        Arrays.stream(pairs == null ? new String[0] : pairs)
                .flatMap(entry -> Arrays.stream(entry.split(",")))
                .map(String::trim)
                .filter(pair -> pair.contains("="))
                .forEach(pair -> mapping.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim()));
        return mapping;
    }

    private static void close(DirContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (NamingException e) {
                LOG.debug("LDAP context not closed cleanly: {}", e.toString());
            }
        }
    }
}
