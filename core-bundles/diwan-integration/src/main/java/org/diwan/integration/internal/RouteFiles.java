package org.diwan.integration.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which routes came from which YAML file, so that a changed file replaces exactly its own routes and a deleted file
 * removes exactly them. A file is all or nothing: it is checked completely (YAML, route ids, endpoints, beans) before
 * any running route is touched, and a file that is refused leaves every route as it was. Only a fault Camel finds
 * while starting the new routes (two consumers on one {@code direct:} endpoint, say) comes after the file's previous
 * routes were stopped: those are then loaded again from the previous content.
 * <p>
 * Plain Camel, no OSGi: the fileinstall component drives it in Karaf, unit tests drive it directly.
 */
final class RouteFiles {

    static final String SUFFIX = ".camel.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(RouteFiles.class);
    private static final int MAX_REASON = 600;

    private final ModelCamelContext context;
    /** Takes the route settings' values out of a reason before it is logged. */
    private final UnaryOperator<String> mask;
    /** Which settings a file was loaded with: an unchanged file is loaded again after they changed. */
    private final LongSupplier settingsVersion;
    private final Map<Path, Loaded> loaded = new LinkedHashMap<>();
    /** The content last refused per file: reported once, tried again when beans arrive. */
    private final Map<Path, byte[]> refused = new LinkedHashMap<>();
    private final RouteFileChecks checks;

    /** What a file contributed: its content (to compare and to restore from) and its route ids. */
    private record Loaded(byte[] content, List<String> routeIds, long settingsVersion) {
    }

    /** Without route settings. */
    RouteFiles(ModelCamelContext context) {
        this.context = context;
        this.mask = UnaryOperator.identity();
        this.settingsVersion = () -> 0;
        this.checks = new RouteFileChecks(context, mask);
    }

    /**
     * @param settings the {@code {{name}}} values the context resolves: they are masked in the reasons refusals give,
     *                 and a file loaded before they changed is loaded again when it is offered unchanged
     */
    RouteFiles(ModelCamelContext context, RouteSettings settings) {
        this.context = context;
        this.mask = settings::mask;
        this.settingsVersion = settings::version;
        this.checks = new RouteFileChecks(context, mask);
    }

    static boolean isRouteFile(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().endsWith(SUFFIX) && name.toString().length() > SUFFIX.length();
    }

    /**
     * Loads a new file or replaces the routes of a known one.
     *
     * @return the ids of the file's routes, now running
     * @throws RouteFileException when the file is refused; the file's previous routes, if any, keep running
     */
    synchronized List<String> load(Path file) throws RouteFileException {
        Path key = file.toAbsolutePath().normalize();
        byte[] content;
        try {
            checks.permissions(key);
            content = Files.readAllBytes(key);
        } catch (IOException e) {
            throw new RouteFileException(key, "cannot be read: " + why(key, e), e);
        }
        Loaded previous = loaded.get(key);
        if (previous != null && Arrays.equals(previous.content(), content)
                && previous.settingsVersion() == settingsVersion.getAsLong()) {
            // the same file offered twice (our own scan at start, then fileinstall's), or an edit taken back; a file
            // touched after the route settings changed is loaded again, with the new values
            refused.remove(key);
            return previous.routeIds();
        }
        try {
            List<String> ids = start(key, content, previous);
            refused.remove(key);
            return ids;
        } catch (RouteFileException e) {
            byte[] before = refused.put(key, content);
            throw before != null && Arrays.equals(before, content) ? e.asRepeated() : e;
        }
    }

    /**
     * Tries the files that were refused again, as they are now: a bean a route calls may have arrived since.
     *
     * @return the files whose routes now run
     */
    synchronized List<Path> retryRefused() {
        List<Path> started = new ArrayList<>();
        for (Map.Entry<Path, byte[]> entry : new ArrayList<>(refused.entrySet())) {
            Path file = entry.getKey();
            if (!Files.isRegularFile(file)) {
                refused.remove(file);
                continue;
            }
            try {
                if (!Arrays.equals(Files.readAllBytes(file), entry.getValue())) {
                    // edited since: fileinstall offers it again, and its refusal, if any, gets reported then
                    continue;
                }
                load(file);
                started.add(file);
            } catch (RouteFileException e) {
                LOG.debug("Route file {} still refused: {}", file, e.reason());
            } catch (IOException e) {
                LOG.debug("Route file {} not read again: {}", file, e.getMessage());
            }
        }
        return started;
    }

    private List<String> start(Path file, byte[] content, Loaded previous) throws RouteFileException {
        if (new String(content, StandardCharsets.UTF_8).isBlank()) {
            // an editor saving in two steps can offer an empty file: keep what ran rather than drop it
            throw new RouteFileException(file, "the file is empty", null);
        }
        // read before the routes resolve their placeholders: a change meanwhile makes the next touch load them again
        long version = settingsVersion.getAsLong();
        checks.yaml(file, content);
        ClassLoader tccl = enterContextClassLoader();
        try {
            List<RouteDefinition> routes = parse(file, content);
            List<String> ids = assignIds(file, routes);
            checks.routes(file, routes, true);
            replace(file, previous, routes, ids);
            loaded.put(file, new Loaded(content, ids, version));
            LOG.info("Routes {} from {} {}", ids, file.getFileName(), previous == null ? "started" : "replaced");
            return ids;
        } finally {
            Thread.currentThread().setContextClassLoader(tccl);
        }
    }

    /**
     * Applies {@link RouteRules} to a file without creating anything: what a shipped route file must pass.
     *
     * @return the ids its routes would have
     */
    synchronized List<String> validate(Path file) throws RouteFileException {
        Path key = file.toAbsolutePath().normalize();
        byte[] content;
        try {
            content = Files.readAllBytes(key);
        } catch (IOException e) {
            throw new RouteFileException(key, "cannot be read: " + why(key, e), e);
        }
        checks.yaml(key, content);
        ClassLoader tccl = enterContextClassLoader();
        try {
            List<RouteDefinition> routes = parse(key, content);
            List<String> ids = assignIds(key, routes);
            checks.routes(key, routes, false);
            return ids;
        } finally {
            Thread.currentThread().setContextClassLoader(tccl);
        }
    }

    /**
     * Stops and removes the routes a file contributed.
     *
     * @return the ids of the routes removed (empty for a file that never loaded)
     */
    synchronized List<String> unload(Path file) throws RouteFileException {
        Path key = file.toAbsolutePath().normalize();
        refused.remove(key);
        Loaded gone = loaded.remove(key);
        if (gone == null) {
            return List.of();
        }
        ClassLoader tccl = enterContextClassLoader();
        try {
            removeRoutes(key, gone.routeIds());
        } finally {
            Thread.currentThread().setContextClassLoader(tccl);
        }
        LOG.info("Routes {} from {} removed", gone.routeIds(), key.getFileName());
        return gone.routeIds();
    }

    synchronized Set<Path> files() {
        return new LinkedHashSet<>(loaded.keySet());
    }

    synchronized List<String> routeIds(Path file) {
        Loaded known = loaded.get(file.toAbsolutePath().normalize());
        return known == null ? List.of() : known.routeIds();
    }

    private List<RouteDefinition> parse(Path file, byte[] content) throws RouteFileException {
        // the location's extension (camel.yaml) picks Camel's YAML loader; the path shows in Camel's own messages
        Resource resource = ResourceHelper.fromBytes("file:" + file, content);
        List<RouteDefinition> routes = new ArrayList<>();
        try {
            Collection<RoutesBuilder> builders = PluginHelper.getRoutesLoader(context).findRoutesBuilders(resource);
            for (RoutesBuilder builder : builders) {
                if (!(builder instanceof RouteBuilder routeBuilder)) {
                    throw new RouteFileException(file, "not a route file", null);
                }
                // configures the model only: nothing is added to the running context yet
                routes.addAll(routeBuilder.configureRoutes(context).getRoutes());
                refuseWhatIsNotARoute(file, routeBuilder);
            }
        } catch (RouteFileException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new RouteFileException(file, why(file, e), e);
        }
        if (routes.isEmpty()) {
            throw new RouteFileException(file, "no route in the file", null);
        }
        return routes;
    }

    /**
     * Route configurations, templates and REST definitions are context-wide in Camel and cannot be taken back per
     * file, so a route file may not bring them.
     */
    private static void refuseWhatIsNotARoute(Path file, RouteBuilder builder) throws Exception {
        String found = null;
        if (!builder.getRestCollection().getRests().isEmpty()) {
            found = "rest";
        } else if (!builder.getRouteTemplateCollection().getRouteTemplates().isEmpty()) {
            found = "routeTemplate";
        } else if (!builder.getTemplatedRouteCollection().getTemplatedRoutes().isEmpty()) {
            found = "templatedRoute";
        } else if (builder instanceof RouteConfigurationBuilder configurations) {
            configurations.configuration();
            if (!configurations.getRouteConfigurationCollection().getRouteConfigurations().isEmpty()) {
                found = "routeConfiguration";
            }
        }
        if (found != null) {
            throw new RouteFileException(file, "'" + found + "' is not supported in a route file, only routes", null);
        }
    }

    /** Gives routes without an id one derived from the file name, and refuses ids used twice. */
    private List<String> assignIds(Path file, List<RouteDefinition> routes) throws RouteFileException {
        String base = file.getFileName().toString();
        base = base.substring(0, base.length() - SUFFIX.length());
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < routes.size(); i++) {
            RouteDefinition route = routes.get(i);
            String id = route.getRouteId();
            if (id == null || id.isBlank()) {
                // stable across edits as long as the routes keep their order
                id = routes.size() == 1 ? base : base + "-" + (i + 1);
                route.routeId(id);
            }
            if (!seen.add(id)) {
                throw new RouteFileException(file, "route id '" + id + "' is used twice in the file", null);
            }
            Path owner = ownerOf(id);
            if (owner != null && !owner.equals(file)) {
                throw new RouteFileException(file, "route id '" + id + "' is already used by " + owner.getFileName(), null);
            }
            if (owner == null && (context.getRoute(id) != null || context.getRouteDefinition(id) != null)) {
                throw new RouteFileException(file, "route id '" + id + "' is already used by another route of the node", null);
            }
            ids.add(id);
        }
        return ids;
    }

    private void replace(Path file, Loaded previous, List<RouteDefinition> routes, List<String> ids)
            throws RouteFileException {
        if (previous != null) {
            removeRoutes(file, previous.routeIds());
        }
        try {
            context.addRouteDefinitions(routes);
        } catch (Exception e) {
            String reason = why(file, e);
            quietlyRemove(file, ids);
            if (previous != null) {
                reason += restore(file, previous);
            }
            throw new RouteFileException(file, reason, e);
        }
    }

    /** Loads a file's previous content again after its new content failed to start; says how that went. */
    private String restore(Path file, Loaded previous) {
        try {
            List<RouteDefinition> routes = parse(file, previous.content());
            assignIds(file, routes);
            context.addRouteDefinitions(routes);
            return " (the previous routes " + previous.routeIds() + " were restarted)";
        } catch (Exception e) {
            loaded.remove(file);
            quietlyRemove(file, previous.routeIds());
            return " (the previous routes " + previous.routeIds() + " could not be restarted either: " + why(file, e) + ")";
        }
    }

    private void removeRoutes(Path file, List<String> ids) throws RouteFileException {
        Exception failure = null;
        for (String id : ids) {
            try {
                RouteDefinition definition = context.getRouteDefinition(id);
                if (definition != null) {
                    // stops the route (gracefully, within the shutdown timeout) and forgets its model
                    context.removeRouteDefinition(definition);
                } else if (context.getRoute(id) != null) {
                    context.getRouteController().stopRoute(id);
                    context.removeRoute(id);
                }
            } catch (Exception e) {
                // go on: one stuck route must not keep the file's other routes alive
                failure = e;
            }
        }
        if (failure != null) {
            throw new RouteFileException(file, "could not remove all of " + ids + ": " + why(file, failure), failure);
        }
    }

    private void quietlyRemove(Path file, List<String> ids) {
        try {
            removeRoutes(file, ids);
        } catch (RouteFileException e) {
            LOG.debug("Cleaning up the routes of {} after a failure", file, e);
        }
    }

    private Path ownerOf(String routeId) {
        for (Map.Entry<Path, Loaded> entry : loaded.entrySet()) {
            if (entry.getValue().routeIds().contains(routeId)) {
                return entry.getKey();
            }
        }
        return null;
    }

    private ClassLoader enterContextClassLoader() {
        // Camel and snakeyaml may look classes up through the thread context class loader, and threads started
        // by new routes inherit it: make it Camel's application class loader, not the caller's
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader camel = context.getApplicationContextClassLoader();
        if (camel != null) {
            thread.setContextClassLoader(camel);
        }
        return previous;
    }

    /** {@link #reason(Path, Throwable)}, with the route settings' values taken out. */
    private String why(Path file, Throwable error) {
        return reason(file, error, mask);
    }

    /** {@link #reason(Throwable)}, with the file's full location (the log line names it already) cut to its name. */
    static String reason(Path file, Throwable error) {
        return reason(file, error, UnaryOperator.identity());
    }

    /**
     * One line for the operator: the exception's message, with its causes' messages where they add something
     * (snakeyaml's errors carry the line and column on several lines).
     */
    static String reason(Throwable error) {
        return reason(null, error, UnaryOperator.identity());
    }

    /** {@link #reason(Path, Throwable)}, each message passed through {@code mask} while its values are still whole. */
    static String reason(Path file, Throwable error, UnaryOperator<String> mask) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            String message = t.getMessage();
            if (message == null || message.isBlank()) {
                message = t.getClass().getSimpleName();
            }
            // masked first, while a value is still whole
            message = mask.apply(message).replaceAll("\\s+", " ").trim();
            if (file != null) {
                String name = file.getFileName().toString();
                message = message.replace("file:" + file, name).replace(file.toString(), name);
            }
            if (text.length() == 0) {
                text.append(message);
            } else if (text.indexOf(message) < 0) {
                text.append(" <- ").append(message);
            }
        }
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text.toString();
    }
}
