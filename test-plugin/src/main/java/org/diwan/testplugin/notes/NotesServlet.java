package org.diwan.testplugin.notes;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.web.record.RecordPages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The notes pages: list, note, form, all by the shell's record page flow. */
@Component(service = Servlet.class, property = "diwan.plugin=notes")
@HttpWhiteboardServletPattern(NoteRecords.BASE + "/*")
@HttpWhiteboardServletName("notes")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class NotesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient RecordPages pages;
    private final transient NoteRecords notes;

    @Activate
    public NotesServlet(@Reference RecordPages pages, @Reference NoteRecords notes) {
        this.pages = pages;
        this.notes = notes;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        pages.serve(request, response, notes);
    }
}
