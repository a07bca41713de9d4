package org.diwan.library.internal.web;

import java.io.IOException;
import java.time.Clock;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.authority.AuthorityStore;
import org.diwan.library.internal.catalogue.CatalogueStore;
import org.diwan.library.internal.exchange.MarcRecords;
import org.diwan.library.internal.oai.OaiEndpoint;
import org.diwan.library.internal.oai.OaiProvider;
import org.diwan.library.internal.oai.OaiTokenKey;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAI-PMH 2.0 endpoint for harvesters: {@code /public/library/oai}, GET or POST, no login, public records
 * only. Settings in {@code etc/org.diwan.library.oai.cfg}. The answer is complete before the first byte is sent
 * ({@link OaiEndpoint}); the request's parameter map is never touched, so the container never reads a body on
 * its own.
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + LibraryPlugin.ID, configurationPid = OaiServlet.PID)
@Designate(ocd = OaiServlet.Config.class)
@HttpWhiteboardServletPattern("/public/library/oai")
@HttpWhiteboardServletName("library-oai")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class OaiServlet extends HttpServlet {

    static final String PID = "org.diwan.library.oai";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(OaiServlet.class);

    @ObjectClassDefinition(name = "Diwan library OAI-PMH", description = "How the library presents itself to harvesters.")
    public @interface Config {
        @AttributeDefinition(description = "repositoryName of Identify")
        String repositoryName() default "Library of the League of Arab States";

        @AttributeDefinition(description = "adminEmail of Identify: who harvesters write to")
        String adminEmail() default "library@localhost.localdomain";

        @AttributeDefinition(description = "The namespace of the records' identifiers: oai:<namespace>:<record id>. Usually the library's domain name.")
        String namespace() default "diwan.library";

        @AttributeDefinition(description = "Records per response; the rest follow with resumption tokens", min = "10", max = "1000")
        int pageSize() default 100;
    }

    private final transient OaiEndpoint endpoint;

    @Activate
    public OaiServlet(@Reference(target = "(diwan.schema=library)") DataSource library, Config config) {
        this.endpoint = new OaiEndpoint(new OaiProvider(new CatalogueStore(library, Clock.systemUTC()), new AuthorityStore(library, Clock.systemUTC()),
                new MarcRecords(library), new OaiProvider.Repository(config.repositoryName(), config.adminEmail(), config.namespace()),
                new OaiTokenKey(library, Clock.systemUTC()), Clock.systemUTC(), Math.max(10, Math.min(1000, config.pageSize()))));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + request.getRequestURI();
        String method = request.getMethod();
        OaiEndpoint.Reply reply;
        if (method.equals("GET") || method.equals("HEAD")) {
            reply = endpoint.get(request.getQueryString(), base);
        } else if (method.equals("POST")) {
            try {
                reply = endpoint.post(request.getQueryString(), request.getContentType(), request.getContentLengthLong(), request.getInputStream(), base);
            } catch (IOException e) {
                // the client stopped sending: nobody is left to answer
                LOG.debug("OAI-PMH request body not received: {}", e.toString());
                return;
            }
        } else {
            reply = endpoint.otherMethod(base);
            response.setHeader("Allow", "GET, HEAD, POST");
        }
        response.setStatus(reply.status());
        response.setContentType("text/xml;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (reply.close()) {
            response.setHeader("Connection", "close");
        }
        response.setContentLength(reply.body().length);
        if (!method.equals("HEAD")) {
            response.getOutputStream().write(reply.body());
        }
    }
}
