package org.diwan.web.internal;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpInput;
import org.eclipse.jetty.server.Request;

/**
 * A request body Diwan refused is never read to its end. Jetty 9.4 goes on reading (and discarding) what is left of
 * a request's body after the answer, for as long as the sender sends: a refused or cut 2 GB upload was read whole.
 * So the body is marked failed before the answer is written (Jetty then gives up draining it and answers with
 * {@code Connection: close}), and once the answer is complete the connection is ended: the sender's next bytes
 * meet a closed connection.
 */
final class UnreadBodies {

    private static final String REFUSED = UnreadBodies.class.getName() + ".refused";

    private UnreadBodies() {
    }

    /**
     * Stops reading the rest of this request's body, if any is left; {@link #endIfRefused} then ends the connection.
     *
     * @return whether some of the body was left unread
     */
    static boolean stopReading(HttpServletRequest request) {
        Request base = Request.getBaseRequest(request);
        if (base == null) {
            return false;
        }
        HttpInput input = base.getHttpInput();
        if (input.isFinished()) {
            return false;
        }
        input.failed(new IOException("the rest of this request's body was refused and is not read"));
        request.setAttribute(REFUSED, Boolean.TRUE);
        return true;
    }

    /**
     * After the answer to a request whose body {@link #stopReading} refused: completes the answer (so it reaches the
     * client whole), then closes the connection.
     */
    static void endIfRefused(HttpServletRequest request) {
        if (request.getAttribute(REFUSED) == null) {
            return;
        }
        Request base = Request.getBaseRequest(request);
        if (base == null) {
            return;
        }
        try {
            base.getResponse().closeOutput();
        } catch (IOException clientGone) {
            // nothing more to send to a client that went away
        }
        EndPoint connection = base.getHttpChannel().getEndPoint();
        connection.shutdownOutput();
        connection.close();
    }
}
