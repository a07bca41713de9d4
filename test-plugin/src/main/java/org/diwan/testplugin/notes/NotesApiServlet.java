package org.diwan.testplugin.notes;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.web.record.RecordApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The notes as JSON, with their OpenAPI document: all by the shell's record API. */
@Component(service = Servlet.class, property = "diwan.plugin=notes")
@HttpWhiteboardServletPattern(NoteRecords.API + "/*")
@HttpWhiteboardServletName("notes-api")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class NotesApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient RecordApi api;
    private final transient NoteRecords notes;

    @Activate
    public NotesApiServlet(@Reference RecordApi api, @Reference NoteRecords notes) {
        this.api = api;
        this.notes = notes;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        api.serve(request, response, notes);
    }
}
