package org.diwan.integration.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.model.language.ExpressionDefinition;
import org.apache.camel.model.language.MethodCallExpression;
import org.apache.camel.util.URISupport;

/**
 * What a route file may use: the components of {@link #components()}, the beans Diwan publishes (OSGi services with
 * {@code diwan.bean.name}), the languages of {@link #LANGUAGES} and the simple functions of {@link SimpleFunctions}.
 * A route file is code the node runs; these rules keep it to what Diwan ships and documents, so that no route file
 * runs a Java class of its choosing (a {@code method} step on {@code java.lang.Runtime} did).
 * <p>
 * {@link RouteFiles} asks these rules about a file twice before any of its routes is created: about its YAML
 * ({@link RouteYamlRules}), then about the parsed routes ({@link #checkRoutes}). {@link GuardedComponentResolver} and
 * {@link GuardedClassResolver} hold the same line at run time, for what only a running route computes.
 */
final class RouteRules {

    /** The components Diwan embeds and documents for route files. */
    static final List<String> DEFAULT_COMPONENTS = List.of("timer", "log", "direct", "seda", "file", "bean", "jms",
            "sjms", "http", "https", "smtp", "smtps", "imap", "imaps", "pop3", "pop3s");

    /** Expression languages: none of them calls a Java class by name ({@code bean} is the method step, checked). */
    static final Set<String> LANGUAGES = Set.of("simple", "constant", "header", "exchangeProperty", "variable",
            "tokenize", "bean");

    private final Set<String> components;
    private final Predicate<String> beanPublished;

    /**
     * @param components    the allowed component schemes
     * @param beanPublished whether a name is a bean Diwan publishes to routes right now
     */
    RouteRules(Collection<String> components, Predicate<String> beanPublished) {
        this.components = components.stream().map(String::trim).filter(name -> !name.isEmpty())
                .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
        this.beanPublished = beanPublished;
    }

    Set<String> components() {
        return components;
    }

    boolean componentAllowed(String scheme) {
        return scheme != null && components.contains(scheme.toLowerCase(Locale.ROOT));
    }

    boolean beanPublished(String name) {
        return name != null && beanPublished.test(name);
    }

    /** Why the YAML of a route file may not be loaded, before Camel reads it; see {@link RouteYamlRules}. */
    void checkYaml(Path file, byte[] content) throws RouteFileException {
        String problem = RouteYamlRules.problem(content, this::beanPublished);
        if (problem != null) {
            throw new RouteFileException(file, problem, null);
        }
    }

    /**
     * Walks every node of the parsed routes (steps, expressions, options, error handlers) before they are created.
     *
     * @param placeholders resolves {@code {{key}}} in a text, so that a setting's value is checked as well
     */
    void checkRoutes(Path file, List<RouteDefinition> routes, UnaryOperator<String> placeholders)
            throws RouteFileException {
        for (RouteDefinition route : routes) {
            String problem = new RouteModelWalk(node -> problemOf(node, placeholders),
                    text -> textProblem(text, placeholders)).problem(route);
            if (problem != null) {
                throw new RouteFileException(file, "route '" + route.getRouteId() + "', " + problem, null);
            }
        }
    }

    /** Refuses an endpoint whose component is not allowed, or a {@code bean:} endpoint on an unpublished name. */
    String endpointProblem(String uri) {
        int colon = uri.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String scheme = uri.substring(0, colon);
        if (!componentAllowed(scheme)) {
            return "endpoint '" + URISupport.sanitizeUri(uri) + "': component '" + scheme
                    + "' is not allowed in route files (allowed: " + String.join(", ", components)
                    + "; an administrator may add one to routeComponents in org.diwan.integration)";
        }
        if (scheme.equalsIgnoreCase("bean")) {
            String name = uri.substring(colon + 1).replaceFirst("^//", "");
            int end = name.indexOf('?');
            String problem = beanProblem(end < 0 ? name : name.substring(0, end));
            int method = uri.indexOf("method=");
            if (problem == null && method > 0) {
                problem = SimpleFunctions.methodProblem(decoded(uri.substring(method + "method=".length()).split("&", 2)[0]));
            }
            return problem;
        }
        return null;
    }

    /** An endpoint option as Camel reads it: %-decoded, RAW(…) taken as written. */
    private static String decoded(String value) {
        if (value.startsWith("RAW(") && value.endsWith(")")) {
            return value.substring(4, value.length() - 1);
        }
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return value;
        }
    }

    /** Null for a published bean, else why not, in the words {@link RouteFiles} has always used. */
    String beanProblem(String ref) {
        if (beanPublished(ref)) {
            return null;
        }
        return "no bean named '" + ref + "' (an OSGi service with " + OsgiServiceBeans.BEAN_NAME + "=" + ref
                + "; route files call only the beans Diwan publishes, by name, never a Java class)";
    }

    private String problemOf(Object node, UnaryOperator<String> placeholders) {
        if (node instanceof BeanDefinition bean) {
            if (bean.getBeanType() != null || bean.getBeanClass() != null || bean.getBean() != null) {
                return "calls a Java class by name (beanType), which route files may not: call a bean Diwan "
                        + "publishes with 'ref'";
            }
            if (bean.getRef() == null) {
                return "a bean step needs 'ref'";
            }
            String problem = beanProblem(placeholders.apply(bean.getRef()));
            return problem != null ? problem : SimpleFunctions.methodProblem(bean.getMethod());
        }
        if (node instanceof MethodCallExpression method) {
            if (method.getBeanType() != null || method.getBeanTypeName() != null || method.getInstance() != null) {
                return "calls a Java class by name (beanType), which route files may not: call a bean Diwan "
                        + "publishes with 'ref'";
            }
            if (method.getRef() == null) {
                return "a method call needs 'ref'";
            }
            String problem = beanProblem(placeholders.apply(method.getRef()));
            return problem != null ? problem : SimpleFunctions.methodProblem(method.getMethod());
        }
        if (node instanceof ExpressionDefinition expression) {
            String language = expression.getLanguage();
            if (language == null ? expression.getExpression() != null : !LANGUAGES.contains(language)) {
                return "language '" + language + "' is not allowed in route files (allowed: "
                        + String.join(", ", new TreeSet<>(LANGUAGES)) + ")";
            }
        }
        if (node instanceof ProcessDefinition process && process.getRef() != null) {
            return beanProblem(placeholders.apply(process.getRef()));
        }
        if (node instanceof ToDynamicDefinition dynamic && dynamic.getUri() != null) {
            // the scheme, when written out; a computed one meets GuardedComponentResolver when the route runs
            String uri = placeholders.apply(dynamic.getUri());
            if (uri.matches("[A-Za-z][\\w+.\\-]*:.*")) {
                return endpointProblem(uri);
            }
        }
        return null;
    }

    private String textProblem(String text, UnaryOperator<String> placeholders) {
        String found = RouteYamlRules.bindingProblem(text, this::beanPublished);
        if (found == null) {
            found = SimpleFunctions.problem(text, this::beanPublished);
        }
        if (found == null && text.contains("{{")) {
            // a setting's value is code too once it stands in a route
            String resolved = placeholders.apply(text);
            if (!resolved.equals(text)) {
                found = Stream.of(RouteYamlRules.bindingProblem(resolved, this::beanPublished),
                        SimpleFunctions.problem(resolved, this::beanPublished))
                        .filter(problem -> problem != null).findFirst().orElse(null);
            }
        }
        return found;
    }
}
