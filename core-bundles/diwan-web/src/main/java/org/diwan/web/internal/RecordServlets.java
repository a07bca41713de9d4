package org.diwan.web.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.web.record.RecordApi;
import org.diwan.api.web.record.RecordEditor;
import org.diwan.api.web.record.RecordPages;
import org.diwan.api.web.record.RecordResource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record kit's whiteboard: a plugin registers its {@link RecordEditor} as a service (with {@code diwan.plugin})
 * and gets its pages at the spec's base; it registers a {@link RecordResource} and gets its JSON API at the
 * resource's API base. No plugin writes a servlet that only hands requests on, and the pages go when the service
 * goes (the plugin stopped or removed). A plugin whose pages also do something of their own (the library's
 * catalogue search) keeps its own servlet and calls {@link RecordPages} itself.
 */
@Component(service = {})
public final class RecordServlets {

    private static final Logger LOG = LoggerFactory.getLogger(RecordServlets.class);
    /** Uploads above this size go to a temporary file while the shell checks them against the documents limit. */
    private static final Integer FILE_SIZE_THRESHOLD = 1024 * 1024;

    private final BundleContext context;
    private final RecordPages pages;
    private final RecordApi api;
    private final Map<Object, ServiceRegistration<Servlet>> servlets = new ConcurrentHashMap<>();
    private volatile boolean active = true;

    @Activate
    public RecordServlets(BundleContext context, @Reference RecordPages pages, @Reference RecordApi api) {
        this.context = context;
        this.pages = pages;
        this.api = api;
    }

    @Reference(service = RecordEditor.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(diwan.plugin=*)")
    void addEditor(RecordEditor<?> editor, Map<String, Object> properties) {
        register(editor, plugin(properties), editor.spec().base(), new HandingServlet((request, response) -> pages.serve(request, response, editor)));
    }

    void removeEditor(RecordEditor<?> editor) {
        unregister(editor);
    }

    @Reference(service = RecordResource.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(diwan.plugin=*)")
    void addResource(RecordResource<?> resource, Map<String, Object> properties) {
        // keyed apart from the same object's pages: one component may be both an editor and a resource
        register(new ResourceKey(resource), plugin(properties), resource.apiBase(), new HandingServlet((request, response) -> api.serve(request, response, resource)));
    }

    void removeResource(RecordResource<?> resource) {
        unregister(new ResourceKey(resource));
    }

    @Deactivate
    void deactivate() {
        active = false;
        servlets.values().forEach(RecordServlets::quietly);
        servlets.clear();
    }

    private void register(Object key, String plugin, String base, HttpServlet servlet) {
        if (!active) {
            return;
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, base + "/*");
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, plugin + ":" + base);
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT, DiwanContext.SELECT);
        // the shell caps every upload at the documents service's limit before and while the body is read
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_MULTIPART_ENABLED, Boolean.TRUE);
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_MULTIPART_FILESIZETHRESHOLD, FILE_SIZE_THRESHOLD);
        properties.put("diwan.plugin", plugin);
        ServiceRegistration<Servlet> previous = servlets.put(key, context.registerService(Servlet.class, servlet, properties));
        if (previous != null) {
            quietly(previous);
        }
        LOG.debug("Record servlet of plugin {} at {}/*", plugin, base);
    }

    private void unregister(Object key) {
        ServiceRegistration<Servlet> registration = servlets.remove(key);
        if (registration != null) {
            quietly(registration);
        }
    }

    private static void quietly(ServiceRegistration<Servlet> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregistered it with this bundle
        }
    }

    private static String plugin(Map<String, Object> properties) {
        return String.valueOf(properties.get("diwan.plugin"));
    }

    /** A resource's API registration, told apart from the pages of the same object. */
    private record ResourceKey(RecordResource<?> resource) {

        @Override
        public boolean equals(Object other) {
            return other instanceof ResourceKey key && key.resource == resource;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(resource);
        }
    }

    /** What a record servlet hands each request to: the pages' flow or the API's, with its editor. */
    @FunctionalInterface
    private interface Handler {
        void serve(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;
    }

    private static final class HandingServlet extends HttpServlet {

        private static final long serialVersionUID = 1L;
        private final transient Handler handler;

        HandingServlet(Handler handler) {
            this.handler = handler;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            handler.serve(request, response);
        }
    }
}
