package org.diwan.library.internal.web;

import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;
import java.time.Clock;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;
import javax.xml.stream.XMLStreamException;

import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.authority.AuthorityStore;
import org.diwan.library.internal.catalogue.CatalogueStore;
import org.diwan.library.internal.oai.OaiProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The OAI-PMH 2.0 endpoint for harvesters: {@code /public/library/oai}, GET or POST, no login, public records
 * only. Settings in {@code etc/org.diwan.library.oai.cfg}.
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + LibraryPlugin.ID, configurationPid = OaiServlet.PID)
@Designate(ocd = OaiServlet.Config.class)
@HttpWhiteboardServletPattern("/public/library/oai")
@HttpWhiteboardServletName("library-oai")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class OaiServlet extends HttpServlet {

    static final String PID = "org.diwan.library.oai";
    private static final long serialVersionUID = 1L;

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

    private final transient OaiProvider provider;

    @Activate
    public OaiServlet(@Reference(target = "(diwan.schema=library)") DataSource library, Config config) {
        this.provider = new OaiProvider(new CatalogueStore(library, Clock.systemUTC()), new AuthorityStore(library, Clock.systemUTC()),
                new OaiProvider.Repository(config.repositoryName(), config.adminEmail(), config.namespace()), Clock.systemUTC(),
                Math.max(10, Math.min(1000, config.pageSize())));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        response.setContentType("text/xml;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + request.getRequestURI();
        try (Writer out = response.getWriter()) {
            provider.answer(request.getParameterMap(), base, out);
        } catch (SQLException | XMLStreamException e) {
            throw new ServletException("OAI-PMH answer failed", e);
        }
    }

    /** The protocol allows POST with the arguments form-encoded; the answer is the same. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        doGet(request, response);
    }
}
