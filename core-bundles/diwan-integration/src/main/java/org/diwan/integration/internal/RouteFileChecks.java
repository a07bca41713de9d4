package org.diwan.integration.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteDefinitionHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@link RouteFiles} checks before a file's routes are created: who may write the file
 * ({@link DeployPermissions}), what it may use ({@link RouteRules}, the runtime's, found on the context), and whether
 * its endpoints and beans resolve now. Every reason is masked: a setting's value may have been checked, and quoted.
 */
final class RouteFileChecks {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFiles.class);

    private final ModelCamelContext context;
    private final UnaryOperator<String> mask;
    /** Folders whose permissions could not be checked, reported once. */
    private final Set<Path> unchecked = new HashSet<>();

    RouteFileChecks(ModelCamelContext context, UnaryOperator<String> mask) {
        this.context = context;
        this.mask = mask;
    }

    /** Refuses a file that others than the node's account may change; see {@link DeployPermissions}. */
    void permissions(Path file) throws RouteFileException, IOException {
        String problem = DeployPermissions.problem(file);
        if (problem == DeployPermissions.NOT_POSIX) {
            if (unchecked.add(file.getParent())) {
                LOG.warn("Route files in {}: the file system has no POSIX permissions, so who may write them cannot "
                        + "be checked; make sure only the node's account can", file.getParent());
            }
        } else if (problem != null) {
            throw new RouteFileException(file, problem, null);
        }
    }

    /** Before Camel reads the file. */
    void yaml(Path file, byte[] content) throws RouteFileException {
        rules().checkYaml(file, content);
    }

    /**
     * The parsed routes, before any is created.
     *
     * @param resolve whether to create the endpoints (the ones the routes will use) to find wrong options and missing
     *                components now, rather than after the file's previous routes were stopped
     */
    void routes(Path file, List<RouteDefinition> routes, boolean resolve) throws RouteFileException {
        RouteRules rules = rules();
        try {
            rules.checkRoutes(file, routes, this::resolvePlaceholders);
        } catch (RouteFileException e) {
            throw new RouteFileException(file, mask.apply(e.reason()), null);
        }
        for (RouteDefinition route : routes) {
            for (String uri : RouteDefinitionHelper.gatherAllStaticEndpointUris(context, route, true, true)) {
                String refused = rules.endpointProblem(resolvePlaceholders(uri));
                if (refused != null) {
                    throw new RouteFileException(file, "route '" + route.getRouteId() + "', " + mask.apply(refused), null);
                }
                if (resolve) {
                    try {
                        context.getEndpoint(uri);
                    } catch (Exception e) {
                        throw new RouteFileException(file, "route '" + route.getRouteId() + "': "
                                + RouteFiles.reason(file, e, mask), e);
                    }
                }
            }
            for (BeanDefinition bean : ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), BeanDefinition.class)) {
                String problem = bean.getRef() == null ? null : rules.beanProblem(resolvePlaceholders(bean.getRef()));
                if (problem != null) {
                    throw new RouteFileException(file, "route '" + route.getRouteId() + "', step 'bean': "
                            + mask.apply(problem), null);
                }
            }
        }
    }

    /** The rules of the runtime that made the context; Diwan's defaults for any other context. */
    private RouteRules rules() {
        RouteRules rules = context.getCamelContextExtension().getContextPlugin(RouteRules.class);
        return rules != null ? rules : new RouteRules(RouteRules.DEFAULT_COMPONENTS,
                name -> context.getRegistry().lookupByName(name) != null);
    }

    /** {@code {{key}}} resolved from the settings; the text as it is when a key is missing (refused later, by name). */
    private String resolvePlaceholders(String text) {
        if (text == null || !text.contains("{{")) {
            return text;
        }
        try {
            return context.resolvePropertyPlaceholders(text);
        } catch (RuntimeException missing) {
            return text;
        }
    }
}
