package org.diwan.web.internal;

import javax.servlet.http.HttpServletRequest;

import org.apache.shiro.session.InvalidSessionException;
import org.apache.shiro.session.Session;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.subject.support.SubjectThreadState;
import org.apache.shiro.util.ThreadState;

/**
 * The visitor's subject on the request's thread, for the servlets and {@link ShiroCurrentUser}: bound by the
 * context's {@code handleSecurity} on the subject the access decision was taken on, and released when the request
 * is done. Not by a whiteboard filter: a filter is registered on its own schedule, and servlets reached before it
 * (at start-up, or while the whiteboard registered it again) found no subject and answered 500 for every page.
 */
final class RequestSubject {

    private static final String STATE = RequestSubject.class.getName();

    private RequestSubject() {
    }

    static void bind(HttpServletRequest request, Subject subject) {
        Session session = subject.getSession(false);
        if (session != null) {
            try {
                session.touch(); // as Shiro's own filter does: a visitor who keeps working keeps the session
            } catch (InvalidSessionException expired) {
                // the servlet finds the visitor logged out
            }
        }
        ThreadState state = new SubjectThreadState(subject);
        state.bind();
        request.setAttribute(STATE, state);
    }

    /** The thread goes back to the pool as it came: the next request on it never sees this visitor. */
    static void release(HttpServletRequest request) {
        if (request.getAttribute(STATE) instanceof ThreadState bound) {
            request.removeAttribute(STATE);
            bound.restore();
        }
    }
}
