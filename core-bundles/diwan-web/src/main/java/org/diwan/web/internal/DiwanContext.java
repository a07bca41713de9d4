package org.diwan.web.internal;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;

/**
 * Diwan's servlet context at the root path. Every servlet, page and API of core and plugins selects it, so
 * that {@link WebSecurityFilter} stands in front of all of them. Bundle-scoped, as the whiteboard
 * specification intends: each bundle that registers into the context gets an instance that serves resources
 * from that bundle.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE, property = "service.ranking:Integer=1000")
@HttpWhiteboardContext(name = DiwanContext.NAME, path = "/")
public final class DiwanContext extends ServletContextHelper {

    static final String NAME = "diwan";
    static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";

    @Activate
    public DiwanContext(ComponentContext context) {
        super(context.getUsingBundle());
    }
}
