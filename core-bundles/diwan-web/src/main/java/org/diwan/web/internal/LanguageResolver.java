package org.diwan.web.internal;

import java.util.Locale;
import java.util.Optional;

import org.diwan.api.i18n.Language;

/**
 * The language a page is shown in: the one chosen in this session (or stored with the account at login),
 * else the one remembered in the browser's cookie, else Arabic. The browser's own preference is not
 * followed: the organisation works in Arabic, whatever language the machine's browser was installed in.
 * A JSON API call without a session (a script with a token) is the exception: it has no other way to ask, so its
 * {@code Accept-Language} is followed when it names Arabic, English or French.
 */
final class LanguageResolver {

    static final String SESSION_KEY = "diwan.language";
    static final String COOKIE = "diwan_lang";

    private LanguageResolver() {
    }

    static Language resolve(String sessionChoice, String cookie) {
        return resolve(sessionChoice, cookie, null);
    }

    /** @param apiAcceptLanguage a sessionless API call's {@code Accept-Language}; null for pages and session calls */
    static Language resolve(String sessionChoice, String cookie, String apiAcceptLanguage) {
        Optional<Language> chosen = Language.fromTag(sessionChoice);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        return asked(apiAcceptLanguage).or(() -> Language.fromTag(cookie)).orElse(Language.DEFAULT);
    }

    /** The first of ar, en, fr the header asks for, by its weights; nothing for a header that asks for none or is malformed. */
    static Optional<Language> asked(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 200) {
            return Optional.empty();
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                if (range.getWeight() > 0) {
                    Optional<Language> language = Language.fromTag(range.getRange().split("-", 2)[0]);
                    if (language.isPresent()) {
                        return language;
                    }
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a header nobody can read asks for nothing
        }
        return Optional.empty();
    }
}
