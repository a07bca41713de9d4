package org.diwan.integration.internal;

import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.NamedRoute;
import org.apache.camel.impl.engine.DefaultTracer;
import org.apache.camel.support.PatternHelper;
import org.apache.camel.support.builder.ExpressionBuilder;

/**
 * Camel's tracer (logger {@code org.apache.camel.Tracing}), switched on and off and narrowed to some routes, or to
 * the messages marked with {@value #MARK_HEADER}, while the routes run, with secrets masked in every line it writes.
 * <p>
 * The runtime installs it on every route in standby, so {@link #configure} takes effect with the next message, with
 * no route restarted. Each line goes through the {@code mask} (the route settings' values become {@code {{key}}},
 * URI passwords {@code xxxxxx}) and the exchange's headers and properties are shown by
 * {@link MaskingExchangeFormatter}, which hides those whose name says they are secret.
 */
final class RouteTracer extends DefaultTracer {

    /**
     * The header that marks a message for tracing when only marked messages are traced: any value but empty or
     * {@code false}. Sent as an HTTP header, a JMS property or set by a route step; it goes with the message into
     * the routes it reaches on this node.
     */
    static final String MARK_HEADER = "DiwanTrace";

    private final UnaryOperator<String> mask;
    private volatile List<String> routes = List.of();
    private volatile boolean markedOnly;

    RouteTracer(UnaryOperator<String> mask) {
        this.mask = mask;
        setStandby(true);
        setEnabled(false);
        setExchangeFormatter(new MaskingExchangeFormatter(mask));
    }

    /**
     * @param enabled whether to trace at all
     * @param routes  the route ids (or patterns: {@code missions-*}) to trace; empty traces every route
     */
    void configure(boolean enabled, List<String> routes) {
        configure(enabled, routes, false);
    }

    /** @param markedOnly trace only the messages that carry {@value #MARK_HEADER} */
    void configure(boolean enabled, List<String> routes, boolean markedOnly) {
        this.routes = routes.stream().map(String::trim).filter(id -> !id.isEmpty()).toList();
        this.markedOnly = markedOnly;
        setEnabled(enabled);
    }

    boolean markedOnly() {
        return markedOnly;
    }

    List<String> routes() {
        return routes;
    }

    boolean traces(String routeId) {
        if (!isEnabled()) {
            return false;
        }
        List<String> only = routes;
        return only.isEmpty() || (routeId != null && only.stream().anyMatch(p -> PatternHelper.matchPattern(routeId, p)));
    }

    /** Whether this message on this route is traced. */
    boolean traces(String routeId, Exchange exchange) {
        return traces(routeId) && (!markedOnly || marked(exchange));
    }

    private static boolean marked(Exchange exchange) {
        Object mark = exchange.getMessage().getHeader(MARK_HEADER);
        if (mark == null) {
            return false;
        }
        String value = mark.toString().strip();
        return !value.isEmpty() && !value.equalsIgnoreCase("false");
    }

    @Override
    public void traceBeforeNode(NamedNode node, Exchange exchange) {
        if (traces(routeOf(exchange), exchange)) {
            super.traceBeforeNode(node, exchange);
        }
    }

    @Override
    public void traceSentNode(NamedNode node, Exchange exchange, Endpoint endpoint, long elapsed) {
        if (traces(routeOf(exchange), exchange)) {
            super.traceSentNode(node, exchange, endpoint, elapsed);
        }
    }

    @Override
    public void traceBeforeRoute(NamedRoute route, Exchange exchange) {
        if (traces(route.getRouteId(), exchange)) {
            super.traceBeforeRoute(route, exchange);
        }
    }

    @Override
    public void traceAfterRoute(NamedRoute route, Exchange exchange) {
        if (traces(route.getRouteId(), exchange)) {
            super.traceAfterRoute(route, exchange);
        }
    }

    @Override
    protected void dumpTrace(String out, Object node) {
        // without the node, Camel logs under org.apache.camel.Tracing rather than a logger per YAML line ("yaml:8"):
        // one name an operator can raise, lower or route to its own file
        super.dumpTrace(mask.apply(out), null);
    }

    private static String routeOf(Exchange exchange) {
        return ExpressionBuilder.routeIdExpression().evaluate(exchange, String.class);
    }
}
