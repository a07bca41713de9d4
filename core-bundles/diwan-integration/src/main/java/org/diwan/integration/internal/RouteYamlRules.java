package org.diwan.integration.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The checks on a route file's YAML that must come before Camel reads it: Camel binds a file's {@code beans} (any
 * class, with constructor arguments) while it parses the file, and creates the objects that {@code #class:} options
 * name while it configures an endpoint. Reading the YAML as plain nodes (snakeyaml-engine's composer builds no
 * objects) finds them first.
 */
final class RouteYamlRules {

    /** What a route file's top-level list may hold: routes, written either way. */
    private static final Set<String> TOP_LEVEL = Set.of("route", "from");

    private RouteYamlRules() {
    }

    /** Why the file may not be loaded, or null; a file that is not YAML at all is left to Camel's own message. */
    static String problem(byte[] content, Predicate<String> beanPublished) {
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setLabel("route file").build())
                    .composeString(new String(content, StandardCharsets.UTF_8));
        } catch (RuntimeException notYaml) {
            return null;
        }
        if (root.isEmpty()) {
            return null;
        }
        if (!(root.get() instanceof SequenceNode list)) {
            return "a route file is a list of routes ('- route: …'), line " + line(root.get());
        }
        for (Node item : list.getValue()) {
            if (item instanceof MappingNode entry) {
                for (NodeTuple tuple : entry.getValue()) {
                    String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
                    if (!TOP_LEVEL.contains(key)) {
                        return "'" + key + "' is not supported in a route file, only routes (line " + line(tuple.getKeyNode())
                                + ")";
                    }
                }
            }
        }
        return scalarProblem(list, beanPublished, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * Camel's property binding creates or looks up objects from option values: {@code #class:} and
     * {@code #valueAs(…)} instantiate any class, {@code #type:} picks any registered object by its class. A route file
     * names a bean only as {@code #name} or {@code #bean:name} of a published bean.
     */
    static String bindingProblem(String text, Predicate<String> beanPublished) {
        if (text == null || !text.contains("#")) {
            return null;
        }
        for (String prefix : new String[] {"#class:", "#type:", "#valueAs(", "#property:", "#autowired"}) {
            if (text.contains(prefix)) {
                return "'" + prefix + "' is not allowed in route files: it creates or picks objects by Java class";
            }
        }
        int bean = text.indexOf("#bean:");
        if (bean >= 0) {
            String name = text.substring(bean + "#bean:".length()).split("[&?,\\s]", 2)[0];
            if (!beanPublished.test(name)) {
                return "no bean named '" + name + "' (an OSGi service with " + OsgiServiceBeans.BEAN_NAME + "=" + name
                        + "; route files use only the beans Diwan publishes)";
            }
        }
        return null;
    }

    private static String scalarProblem(Node node, Predicate<String> beanPublished, Set<Node> seen) {
        if (!seen.add(node)) {
            // an alias: its node was checked where its anchor is
            return null;
        }
        if (node instanceof ScalarNode scalar) {
            String problem = bindingProblem(scalar.getValue(), beanPublished);
            return problem == null ? null : problem + " (line " + line(scalar) + ")";
        }
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                String problem = scalarProblem(item, beanPublished, seen);
                if (problem != null) {
                    return problem;
                }
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String problem = scalarProblem(tuple.getKeyNode(), beanPublished, seen);
                if (problem == null) {
                    problem = scalarProblem(tuple.getValueNode(), beanPublished, seen);
                }
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static int line(Node node) {
        return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }
}
