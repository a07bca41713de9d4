package org.diwan.web.internal;

import java.util.Optional;

import org.diwan.api.i18n.Language;

/**
 * The language a page is shown in: the one chosen in this session (or stored with the account at login),
 * else the one remembered in the browser's cookie, else Arabic. The browser's own preference is not
 * followed: the organisation works in Arabic, whatever language the machine's browser was installed in.
 */
final class LanguageResolver {

    static final String SESSION_KEY = "diwan.language";
    static final String COOKIE = "diwan_lang";

    private LanguageResolver() {
    }

    static Language resolve(String sessionChoice, String cookie) {
        Optional<Language> chosen = Language.fromTag(sessionChoice);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        return Language.fromTag(cookie).orElse(Language.DEFAULT);
    }
}
