package org.diwan.web.internal;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;

/**
 * Diwan's servlet context at the root path. Every servlet, page and API of core and plugins selects it, so
 * that {@link ShiroSecurity} decides on every request to any of them before it runs. Bundle-scoped, as the whiteboard
 * specification intends: each bundle that registers into the context gets an instance that serves resources
 * from that bundle.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE, property = "service.ranking:Integer=1000")
@HttpWhiteboardContext(name = DiwanContext.NAME, path = "/")
public final class DiwanContext extends ServletContextHelper {

    static final String NAME = "diwan";
    static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";

    private final ShiroSecurity security;

    @Activate
    public DiwanContext(ComponentContext context, @Reference ShiroSecurity security) {
        super(context.getUsingBundle());
        this.security = security;
    }

    /** Runs before every filter and servlet of the context: see {@link ShiroSecurity}. */
    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return security.admit(request, response);
    }

    /** Runs after the servlet of an admitted request: the request's cached permissions go. */
    @Override
    public void finishSecurity(HttpServletRequest request, HttpServletResponse response) {
        security.finish(request);
    }
}
