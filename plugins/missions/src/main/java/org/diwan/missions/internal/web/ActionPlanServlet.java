package org.diwan.missions.internal.web;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.web.record.RecordPages;
import org.diwan.missions.internal.MissionsPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The plan of action's pages (MIS-6), served by the shell's record page flow with the rules of {@link ActionPlanRecords}. */
@Component(service = Servlet.class, property = "diwan.plugin=" + MissionsPlugin.ID)
@HttpWhiteboardServletPattern(ActionPlanRecords.BASE + "/*")
@HttpWhiteboardServletName("missions-plan")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class ActionPlanServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient RecordPages pages;
    private final transient ActionPlanRecords plans;

    @Activate
    public ActionPlanServlet(@Reference RecordPages pages, @Reference ActionPlanRecords plans) {
        this.pages = pages;
        this.plans = plans;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        pages.serve(request, response, plans);
    }
}
