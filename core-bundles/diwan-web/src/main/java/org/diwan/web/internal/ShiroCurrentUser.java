package org.diwan.web.internal;

import java.util.Optional;

import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.subject.WebSubject;
import org.diwan.api.web.CurrentUser;
import org.osgi.service.component.annotations.Component;

/** {@link CurrentUser} over the Shiro subject that the security filter binds to the request's thread. */
@Component(service = CurrentUser.class)
public final class ShiroCurrentUser implements CurrentUser {

    @Override
    public Optional<String> username() {
        return WebSession.username();
    }

    @Override
    public boolean isPermitted(String permission) {
        Subject subject = WebSession.subject();
        return subject.isAuthenticated() && subject.isPermitted(permission);
    }

    @Override
    public String address() {
        Subject subject = WebSession.subject();
        return subject instanceof WebSubject web ? web.getServletRequest().getRemoteAddr() : "local";
    }
}
