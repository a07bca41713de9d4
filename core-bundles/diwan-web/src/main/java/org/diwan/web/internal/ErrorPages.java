package org.diwan.web.internal;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Error pages in the visitor's language, for the refusals the security filter and the pages make. */
@Component(service = ErrorPages.class)
public final class ErrorPages {

    private final PageRenderer pages;

    @Activate
    public ErrorPages(@Reference PageRenderer pages) {
        this.pages = pages;
    }

    void send(HttpServletRequest request, HttpServletResponse response, int status, String messageKey) throws IOException {
        pages.error(request, response, status, messageKey);
    }
}
