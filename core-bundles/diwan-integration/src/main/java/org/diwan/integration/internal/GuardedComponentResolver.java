package org.diwan.integration.internal;

import java.util.function.Predicate;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.impl.engine.DefaultComponentResolver;
import org.apache.camel.spi.ComponentResolver;

/**
 * Creates only the components route files may use. {@link RouteRules} refuses a file whose written endpoints name
 * another component; this refuses the same at run time, for an endpoint a route computes ({@code toD},
 * {@code recipientList}, {@code enrich}…), which no check of the file can see.
 */
final class GuardedComponentResolver implements ComponentResolver {

    private final ComponentResolver delegate = new DefaultComponentResolver();
    private final Predicate<String> allowed;

    GuardedComponentResolver(Predicate<String> allowed) {
        this.allowed = allowed;
    }

    @Override
    public Component resolveComponent(String name, CamelContext context) throws Exception {
        if (!allowed.test(name)) {
            throw new IllegalArgumentException("component '" + name + "' is not allowed in route files (an "
                    + "administrator may add it to routeComponents in org.diwan.integration)");
        }
        return delegate.resolveComponent(name, context);
    }
}
