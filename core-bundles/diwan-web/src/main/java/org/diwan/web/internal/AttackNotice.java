package org.diwan.web.internal;

import java.util.Optional;

import org.apache.shiro.session.Session;
import org.diwan.api.i18n.DigitStyle;
import org.diwan.api.i18n.Language;
import org.diwan.api.security.FailedLogins;

/**
 * The banner an owner sees once after logging in when logins on their account failed since their previous
 * one: someone may be guessing their password, and only they can tell whether it was them.
 */
final class AttackNotice {

    static final String SESSION_KEY = "diwan.failedSinceLastLogin";

    private AttackNotice() {
    }

    static void keep(Session session, FailedLogins failures) {
        session.setAttribute(SESSION_KEY, failures);
    }

    /** The notice, once: it is removed from the session as it is read. */
    static Optional<FailedLogins> take(Session session) {
        Object failures = session == null ? null : session.removeAttribute(SESSION_KEY);
        return failures instanceof FailedLogins f ? Optional.of(f) : Optional.empty();
    }

    static String text(PageRenderer pages, FailedLogins failures, Language language) {
        String count = DigitStyle.defaultFor(language).apply(Integer.toString(failures.count()));
        // addresses are Latin text in every language; each is isolated so that RTL text does not reorder it
        String addresses = failures.addresses().stream().map(a -> "\u2066" + a + "\u2069")
                .collect(java.util.stream.Collectors.joining(language == Language.AR ? "، " : ", "));
        return pages.message("login.notice.failures", language, count, addresses);
    }
}
