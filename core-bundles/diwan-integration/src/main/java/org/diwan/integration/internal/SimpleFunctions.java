package org.diwan.integration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The functions of Camel's simple language ({@code ${…}}) a route file may use. Simple can call any method of any
 * object it reaches ({@code ${body.getClass()…}}, {@code ${camelContext.…}}) and any Java class by name
 * ({@code ${bean:java.lang.Runtime…}}, {@code ${type:…}}): that is how a route file ran a shell command. So a function
 * is allowed only when this list knows it, and never with a method call or property path on a value.
 * <p>
 * Checked on every text of a route file (an expression, a log message, an endpoint option such as the file
 * component's {@code fileName}), nested functions included, before the file's routes are created.
 */
final class SimpleFunctions {

    /** Functions allowed exactly as written. */
    private static final Set<String> EXACT = Set.of(
            "body", "in.body", "bodyOneLine", "prettyBody", "originalBody", "bodyType",
            "headers", "in.headers", "headers.size", "headers.length", "variables", "variables.size", "variables.length",
            "exchange", "exception", "exception.message", "exception.stacktrace",
            "camelId", "camelContext.name", "camelContext.version", "camelContext.uptime",
            // the shipped heartbeat's; a fixed, read-only path
            "camelContext.uptime.toMinutes()",
            "routeId", "routeGroup", "fromRouteId", "stepId", "exchangeId", "id", "messageId", "messageTimestamp",
            "messageHistory", "threadId", "threadName", "hostname", "uuid", "random", "null",
            "attachments", "clearAttachments");

    /** A value by name: {@code header.Name}, {@code header:Name}, {@code header[Name]}; the name only, no path after it. */
    private static final Set<String> NAMED = Set.of(
            "header", "headers", "in.header", "in.headers", "exchangeProperty", "variable", "variables", "attachment");

    /** Prefixes whose rest is data (a date pattern, a setting's key, a file part), never a call. */
    private static final Set<String> DATA = Set.of(
            "date:", "date-with-timezone:", "properties:", "propertiesExist:", "env:", "env.", "sys.", "sysenv:",
            "sysenv.", "file:");

    /**
     * Functions with arguments, allowed when nothing follows the closing parenthesis. Their arguments are text or
     * nested {@code ${…}} functions, which are checked on their own; types are resolved through the runtime's
     * {@link GuardedClassResolver}.
     */
    private static final Set<String> CALLS = Set.of(
            "random", "uuid", "setAttachment", "trim", "uppercase", "lowercase", "capitalize", "length", "size",
            "substring", "substringBefore", "substringAfter", "substringBetween", "replace", "concat", "join", "split",
            "normalizeWhitespace", "pad", "quote", "safeQuote", "unquote", "isEmpty", "empty", "iif", "not",
            "isAlpha", "isAlphaNumeric", "isNumeric", "collate", "skip", "abs", "ceil", "floor", "max", "min", "sum",
            "average", "range", "reverse", "shuffle", "list", "hash", "pretty", "messageHistory",
            "bodyAs", "mandatoryBodyAs", "headerAs", "exchangePropertyAs", "variableAs", "convertTo", "exceptionAs");

    /** What every object has, and no route needs: the way from a bean to its class and class loader. */
    private static final Set<String> OBJECT_METHODS = Set.of("getClass", "wait", "notify", "notifyAll", "clone",
            "finalize");

    private static final Pattern NAME = Pattern.compile("['\"]?[\\w\\-]+['\"]?");

    private SimpleFunctions() {
    }

    /**
     * @param beanPublished whether a bean name is one Diwan publishes (for {@code ${bean:name…}})
     * @return why {@code text} may not be used, or null when every function in it is allowed
     */
    static String problem(String text, Predicate<String> beanPublished) {
        if (text == null || !text.contains("$")) {
            return null;
        }
        for (String function : functions(text)) {
            String why = problemOf(function.trim(), beanPublished);
            if (why != null) {
                return "${" + function + "}: " + why;
            }
        }
        return null;
    }

    /** Every function in {@code text}, nested ones too, each as written between the braces. */
    static List<String> functions(String text) {
        List<String> found = new ArrayList<>();
        for (int i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i + 1)) {
            int open;
            if (text.startsWith("${", i)) {
                open = i + 1;
            } else if (text.startsWith("$simple{", i)) {
                open = i + 7;
            } else {
                continue;
            }
            int depth = 0;
            int close = -1;
            for (int j = open; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    close = j;
                    break;
                }
            }
            // an unclosed function is Camel's to refuse; checking what follows still catches a call in it
            found.add(text.substring(open + 1, close < 0 ? text.length() : close));
        }
        return found;
    }

    private static String problemOf(String function, Predicate<String> beanPublished) {
        if (EXACT.contains(function)) {
            return null;
        }
        if (function.startsWith("bean:")) {
            return beanProblem(function.substring("bean:".length()), beanPublished);
        }
        if (function.startsWith("type:")) {
            return "reads a Java class by name, which route files may not";
        }
        for (String prefix : DATA) {
            if (function.startsWith(prefix)) {
                return null;
            }
        }
        for (String root : NAMED) {
            if (function.length() > root.length() && function.startsWith(root)) {
                String rest = function.substring(root.length());
                String name = null;
                if (rest.startsWith(".") || rest.startsWith(":")) {
                    name = rest.substring(1);
                } else if (rest.startsWith("[") && rest.endsWith("]")) {
                    name = rest.substring(1, rest.length() - 1);
                }
                if (name != null && NAME.matcher(name).matches()) {
                    return null;
                }
            }
        }
        int paren = function.indexOf('(');
        if (paren > 0 && CALLS.contains(function.substring(0, paren))
                && closing(function, paren) == function.length() - 1) {
            return null;
        }
        return "not allowed in route files: simple functions may not call methods or walk properties of values "
                + "(use ${header.Name}, ${exchangeProperty.Name}, ${body} and the documented functions)";
    }

    /** Where the parenthesis opened at {@code open} closes (quotes and nesting respected), or -1. */
    private static int closing(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String beanProblem(String call, Predicate<String> beanPublished) {
        int end = 0;
        while (end < call.length() && "?(".indexOf(call.charAt(end)) < 0 && !call.startsWith("::", end)) {
            end++;
        }
        String name = call.substring(0, end);
        if (name.contains(":")) {
            return "calls a Java class by name, which route files may not (only beans Diwan publishes, by name)";
        }
        String method = null;
        if (!beanPublished.test(name)) {
            // ${bean:name.method}: the bean is what comes before the dot
            int dot = name.indexOf('.');
            if (dot <= 0 || call.contains("?") || !beanPublished.test(name.substring(0, dot))) {
                return "no bean named '" + name + "': route files may call only the beans Diwan publishes (an OSGi "
                        + "service with " + OsgiServiceBeans.BEAN_NAME + "=" + name + "), never a Java class";
            }
            method = call.substring(dot + 1);
        } else if (call.startsWith("::", end)) {
            method = call.substring(end + 2);
        } else if (call.startsWith("?", end)) {
            int at = call.indexOf("method=", end);
            method = at < 0 ? null : call.substring(at + "method=".length()).split("&", 2)[0];
        }
        return method == null ? null : methodProblem(method);
    }

    /**
     * A bean's method is called by name, with arguments at most: {@code greet}, {@code greet(${header.who}, 'x')}.
     * A chain ({@code getClass().forName(…)}) would reach any class from a published bean, and {@code getClass} is
     * where every chain starts.
     */
    static String methodProblem(String method) {
        if (method == null || method.isBlank()) {
            return null;
        }
        String text = method.trim();
        int paren = text.indexOf('(');
        String name = paren < 0 ? text : text.substring(0, paren);
        if (!name.matches("[A-Za-z_][\\w]*") || (paren >= 0 && closing(text, paren) != text.length() - 1)) {
            return "method '" + text + "': a bean's method is called by its name (and arguments), never a chain of calls";
        }
        if (OBJECT_METHODS.contains(name)) {
            return "method '" + name + "' is not allowed in route files";
        }
        return null;
    }
}
