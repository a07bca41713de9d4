package org.diwan.integration.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.camel.LineNumberAware;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

/**
 * Visits every object of a route's model ({@code org.apache.camel.model}: steps, their expressions, options, error
 * handlers, {@code onException} clauses…) and every text in it, by their fields rather than a list of EIPs: a step
 * Camel adds later, or an option this class never heard of, is still visited.
 * <p>
 * A problem is reported with the step it was found in: its name, its id when the file gave one, and its line.
 */
final class RouteModelWalk {

    private static final String MODEL = "org.apache.camel.model.";

    private final Function<Object, String> nodeProblem;
    private final Function<String, String> textProblem;
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * @param nodeProblem why a model object may not be used, or null
     * @param textProblem why a text (an expression, a message, an option's value) may not be used, or null
     */
    RouteModelWalk(Function<Object, String> nodeProblem, Function<String, String> textProblem) {
        this.nodeProblem = nodeProblem;
        this.textProblem = textProblem;
    }

    /** The first problem in {@code route}, naming its step, or null. */
    String problem(RouteDefinition route) {
        try {
            return visit(route, route);
        } catch (IllegalAccessException | RuntimeException e) {
            // a model this walk cannot read is not one it can vouch for
            return "the route could not be checked: " + e;
        }
    }

    private String visit(Object node, Object step) throws IllegalAccessException {
        if (node == null || !seen.add(node)) {
            return null;
        }
        if (node instanceof ProcessorDefinition<?> || node instanceof RouteDefinition) {
            step = node;
        }
        String problem = nodeProblem.apply(node);
        if (problem != null) {
            return where(step, node) + ": " + problem;
        }
        for (Class<?> type = node.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("parent")) {
                    continue;
                }
                field.setAccessible(true);
                problem = value(field.get(node), step);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private String value(Object value, Object step) throws IllegalAccessException {
        if (value instanceof String text) {
            String problem = textProblem.apply(text);
            return problem == null ? null : where(step, null) + ": " + problem;
        }
        if (value instanceof Collection<?> items) {
            for (Object item : items.toArray()) {
                String problem = value(item, step);
                if (problem != null) {
                    return problem;
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : new ArrayList<>(map.entrySet())) {
                String problem = value(entry.getKey(), step);
                if (problem == null) {
                    problem = value(entry.getValue(), step);
                }
                if (problem != null) {
                    return problem;
                }
            }
        } else if (value instanceof Object[] array) {
            for (Object item : array) {
                String problem = value(item, step);
                if (problem != null) {
                    return problem;
                }
            }
        } else if (value != null && value.getClass().getName().startsWith(MODEL)) {
            return visit(value, step);
        }
        return null;
    }

    /** "step 'method' (line 9)", "step 'to' id 'post' (line 12)", or "from (line 3)". */
    private static String where(Object step, Object node) {
        StringBuilder text = new StringBuilder();
        if (step instanceof RouteDefinition route) {
            text.append("from");
            step = route.getInput() != null ? route.getInput() : route;
        } else if (step instanceof ProcessorDefinition<?> processor) {
            text.append("step '").append(processor.getShortName()).append('\'');
            if (processor.hasCustomIdAssigned()) {
                text.append(" id '").append(processor.getId()).append('\'');
            }
        }
        int line = lineOf(node);
        if (line <= 0) {
            line = lineOf(step);
        }
        if (line > 0) {
            text.append(" (line ").append(line).append(')');
        }
        return text.toString();
    }

    private static int lineOf(Object node) {
        return node instanceof LineNumberAware aware ? aware.getLineNumber() : -1;
    }
}
