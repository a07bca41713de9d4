package org.diwan.integration.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.camel.spi.PropertiesSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The values routes write as {@code {{name}}}: every key of the configuration {@code org.diwan.routes}
 * ({@code etc/org.diwan.routes.cfg} in Karaf), handed to Camel's properties component as its only source.
 * <p>
 * Camel resolves a placeholder when a route is created, so a change applies to the route files loaded after it; running
 * routes keep the values they started with until their file is deployed again. Files refused before the change are
 * tried again (a missing key may have been added).
 * <p>
 * Values may hold passwords: they are never logged, and {@link #mask(String)} takes them out of the reasons the route
 * installer logs. The keys are free, so there is no metatype description of this configuration.
 */
@Component(service = RouteSettings.class, immediate = true, configurationPid = RouteSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class RouteSettings implements PropertiesSource {

    static final String PID = "org.diwan.routes";

    private static final Logger LOG = LoggerFactory.getLogger(RouteSettings.class);
    /** Keys Config Admin, DS and fileinstall add to every configuration: not settings. */
    private static final List<String> FRAMEWORK_PREFIXES = List.of("service.", "component.", "felix.fileinstall.", "osgi.");
    private static final String MASK = "xxxxxx";
    /** Shorter values and fragments are left alone: masking "1" or "on" everywhere would garble every message. */
    private static final int MIN_MASKED = 4;
    /** Query parameter values that are no secret and would otherwise be masked everywhere. */
    private static final Set<String> HARMLESS = Set.of("true", "false", "none", "null");
    /** A query parameter's value: {@code ?name=value} or {@code &name=value}, with RAW(…) taken whole. */
    private static final Pattern QUERY_VALUE = Pattern.compile("([?&][^=&\\s]+=)(RAW\\([^)]*\\)|[^&\\s]+)");
    /** {@code scheme://user:password@host}: the password part. */
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(://[^/\\s:@]*:)([^/\\s@]+)(@)");
    /** A query parameter whose name says it is a secret, as Camel's own sanitizer understands it. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "([?&][^=&\\s]*(?:passw|passphrase|secret|token|apikey|api-key|credential)[^=&\\s]*=)([^&\\s]+)",
            Pattern.CASE_INSENSITIVE);

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Snapshot snapshot;

    /**
     * The values, and what {@link #mask(String)} looks for: whole values (longest first) and the parts of URI values
     * that may be secrets: the password of {@code user:password@} and every query parameter's value.
     */
    private record Snapshot(long version, Map<String, String> values, List<Map.Entry<String, String>> wholeValues,
            List<String> fragments) {

        static Snapshot of(long version, Map<String, String> values) {
            List<Map.Entry<String, String>> whole = values.entrySet().stream()
                    .filter(entry -> entry.getValue().length() >= MIN_MASKED)
                    .sorted(Comparator.comparingInt((Map.Entry<String, String> entry) -> entry.getValue().length())
                            .reversed())
                    .toList();
            Set<String> fragments = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
                    .thenComparing(Comparator.naturalOrder()));
            for (String value : values.values()) {
                Matcher userInfo = USERINFO_PASSWORD.matcher(value);
                while (userInfo.find()) {
                    addWithDecoded(fragments, userInfo.group(2));
                }
                Matcher parameter = QUERY_VALUE.matcher(value);
                while (parameter.find()) {
                    String fragment = parameter.group(2);
                    addWithDecoded(fragments, fragment);
                    if (fragment.startsWith("RAW(")) {
                        fragments.add(fragment.substring(4, fragment.length() - 1));
                    }
                }
            }
            fragments.removeIf(fragment -> fragment.length() < MIN_MASKED || HARMLESS.contains(fragment.toLowerCase()));
            return new Snapshot(version, values, whole, List.copyOf(fragments));
        }

        /** Camel's messages may show a URI part as written or %-decoded. */
        private static void addWithDecoded(Set<String> fragments, String fragment) {
            fragments.add(fragment);
            try {
                fragments.add(URLDecoder.decode(fragment, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notEncoded) {
                // as written only
            }
        }
    }

    @Activate
    public RouteSettings(Map<String, Object> configuration) {
        this.snapshot = Snapshot.of(0, settingsOf(configuration));
        LOG.info("Route settings ({}): {} value(s)", PID, snapshot.values().size());
    }

    @Modified
    void modified(Map<String, Object> configuration) {
        update(configuration);
    }

    /** Replaces every value; the values are never logged, only how many there are. */
    void update(Map<String, ?> configuration) {
        synchronized (this) {
            snapshot = Snapshot.of(snapshot.version() + 1, settingsOf(configuration));
        }
        LOG.info("Route settings ({}) changed: {} value(s); route files deployed from now on use them, running routes "
                + "keep theirs until their file is deployed again", PID, snapshot.values().size());
        listeners.forEach(Runnable::run);
    }

    /** Grows by one with every change: a route file loaded with other settings is loaded again when touched. */
    long version() {
        return snapshot.version();
    }

    /** Tells {@code listener} when the values change. */
    void whenChanged(Runnable listener) {
        listeners.add(listener);
    }

    void stopTelling(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public String getName() {
        return PID;
    }

    @Override
    public String getProperty(String name) {
        return snapshot.values().get(name);
    }

    Set<String> keys() {
        return snapshot.values().keySet();
    }

    /**
     * Takes the settings' values out of {@code text} (an exception message on its way to the log): each value, where
     * it appears whole, becomes {@code {{key}}}; the parts of URI values that may be secrets (the password of
     * {@code user:password@}, the value of every query parameter), and any {@code user:password@} or
     * {@code password=…} left, become {@code xxxxxx}.
     */
    String mask(String text) {
        if (text == null) {
            return null;
        }
        Snapshot current = snapshot;
        String masked = text;
        for (Map.Entry<String, String> entry : current.wholeValues()) {
            masked = masked.replace(entry.getValue(), "{{" + entry.getKey() + "}}");
        }
        for (String fragment : current.fragments()) {
            masked = masked.replace(fragment, MASK);
        }
        masked = USERINFO_PASSWORD.matcher(masked).replaceAll("$1" + MASK + "$3");
        return SECRET_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
    }

    /**
     * A copy of {@code error} and its causes for a log's stack trace: the same stack frames, each message
     * {@linkplain #mask(String) masked} and prefixed with the original exception's class.
     */
    Throwable masked(Throwable error) {
        return masked(error, new IdentityHashMap<>());
    }

    private Throwable masked(Throwable error, Map<Throwable, Throwable> done) {
        if (error == null) {
            return null;
        }
        Throwable copy = done.get(error);
        if (copy != null) {
            return copy;
        }
        String message = error.getMessage();
        copy = new MaskedException(error.getClass().getName() + (message == null ? "" : ": " + mask(message)));
        done.put(error, copy);
        copy.setStackTrace(error.getStackTrace());
        Throwable cause = masked(error.getCause(), done);
        if (cause != null) {
            copy.initCause(cause);
        }
        return copy;
    }

    /** Stands for an exception whose message was masked. */
    private static final class MaskedException extends Exception {
        private static final long serialVersionUID = 1L;

        MaskedException(String message) {
            super(message);
        }
    }

    private static Map<String, String> settingsOf(Map<String, ?> configuration) {
        Map<String, String> settings = new TreeMap<>();
        if (configuration != null) {
            configuration.forEach((key, value) -> {
                if (value != null && FRAMEWORK_PREFIXES.stream().noneMatch(key::startsWith)) {
                    settings.put(key, text(value));
                }
            });
        }
        return Collections.unmodifiableMap(settings);
    }

    /** A typed configuration ({@code .config} file) may hold arrays and lists: Camel gets them comma-separated. */
    private static String text(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }
}
