package org.diwan.web.internal;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.web.record.RecordResource;
import org.diwan.web.internal.record.JsonBodyReader;
import org.diwan.web.internal.record.OpenApiDocument;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /api/<plugin>/openapi.json}: each plugin's OpenAPI document, made from the {@link RecordResource} services it
 * registers, and so always the API that runs. Every other {@code /api/} path no plugin serves is a problem document
 * 404, never the container's page.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/*")
@HttpWhiteboardServletName("diwan-openapi")
@HttpWhiteboardContextSelect(DiwanContext.SELECT)
public final class OpenApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern DOCUMENT = Pattern.compile("^/([a-z][a-z0-9-]{1,31})/openapi\\.json$");

    private final transient ErrorPages errors;
    private final transient String version;
    private final transient Map<RecordResource<?>, String> resources = new ConcurrentHashMap<>();
    private final transient JsonBodyReader json = new JsonBodyReader();

    @Activate
    public OpenApiServlet(@Reference ErrorPages errors, BundleContext context) {
        this.errors = errors;
        this.version = context.getBundle().getVersion().toString();
    }

    @Reference(service = RecordResource.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(diwan.plugin=*)")
    void addResource(RecordResource<?> resource, Map<String, Object> properties) {
        resources.put(resource, String.valueOf(properties.get("diwan.plugin")));
    }

    void removeResource(RecordResource<?> resource) {
        resources.remove(resource);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = DOCUMENT.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        List<RecordResource<?>> served = path.matches() ? resources.entrySet().stream().filter(e -> e.getValue().equals(path.group(1)))
                .map(Map.Entry::getKey).sorted(Comparator.comparing(RecordResource::apiBase)).toList() : List.of();
        if (served.isEmpty()) {
            errors.problem(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
            return;
        }
        byte[] document = json.write(OpenApiDocument.of(path.group(1), version, served));
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws javax.servlet.ServletException, IOException {
        if (request.getMethod().equals("GET") || request.getMethod().equals("HEAD")) {
            super.service(request, response);
        } else {
            errors.problem(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
        }
    }
}
