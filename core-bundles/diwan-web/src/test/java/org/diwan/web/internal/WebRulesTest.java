package org.diwan.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.diwan.api.i18n.Language;
import org.junit.jupiter.api.Test;

class WebRulesTest {

    @Test
    void onlyLoginSetupLanguageHealthAndStaticFilesArePublic() {
        assertThat(AccessRules.isPublic("/login")).isTrue();
        assertThat(AccessRules.isPublic("/static/diwan.css")).isTrue();
        assertThat(AccessRules.isPublic("/")).isFalse();
        assertThat(AccessRules.isPublic("/loginx")).isFalse();
        assertThat(AccessRules.isPublic("/api/missions")).isFalse();
        assertThat(AccessRules.isPublic("/staticx/a")).isFalse();
        assertThat(AccessRules.isPublic("/public/library/catalogue")).isTrue();
        assertThat(AccessRules.isPublic("/publicx/library")).isFalse();
        assertThat(AccessRules.isPublic("/public/../admin")).isFalse();
        assertThat(AccessRules.isCsrfExempt("/public/library/oai")).isTrue();
        assertThat(AccessRules.isCsrfExempt("/public/library/oai/x")).isFalse();
        assertThat(AccessRules.isCsrfExempt("/public/library")).isFalse();
        assertThat(AccessRules.isCsrfExempt("/diwan/library/oai")).isFalse();
        assertThat(AccessRules.limitsItsOwnBody("/public/library/oai")).isTrue();
        assertThat(AccessRules.limitsItsOwnBody("/public/library/catalogue")).isFalse();
    }

    @Test
    void aDepartmentsPublicApiIsOpenAndNothingBesideIt() {
        assertThat(AccessRules.isPublic("/api/missions/public/missions")).isTrue();
        assertThat(AccessRules.isPublic("/api/missions/public/missions/m-1")).isTrue();
        assertThat(AccessRules.isPublic("/api/missions/public")).isTrue();
        assertThat(AccessRules.isPublic("/api/missions/publicity")).isFalse();
        assertThat(AccessRules.isPublic("/api/missions/missions")).isFalse();
        assertThat(AccessRules.isPublic("/api/public/missions")).isFalse();
        assertThat(AccessRules.isPublic("/api/missions/public/../missions")).isFalse();
        assertThat(AccessRules.isPublic("/api/missions/public//x")).isFalse();
        assertThat(AccessRules.isPublic("/api/Missions/public/x")).isFalse();
        assertThat(AccessRules.isPublic("/api/missions/x/public/y")).isFalse();
    }

    @Test
    void adminPagesNeedTheAdminPermission() {
        assertThat(AccessRules.requiredPermission("/admin/users")).contains(AccessRules.ADMIN_PERMISSION);
        assertThat(AccessRules.requiredPermission("/admin")).contains(AccessRules.ADMIN_PERMISSION);
        assertThat(AccessRules.requiredPermission("/administrative")).isEmpty();
    }

    @Test
    void csrfTokensAreRandomAndComparedExactly() {
        String token = Csrf.newToken();
        assertThat(token).hasSize(43).isNotEqualTo(Csrf.newToken());
        assertThat(Csrf.matches(token, token)).isTrue();
        assertThat(Csrf.matches(token, token + "x")).isFalse();
        assertThat(Csrf.matches(null, token)).isFalse();
        assertThat(Csrf.matches(token, null)).isFalse();
        assertThat(Csrf.isStateChanging("POST")).isTrue();
        assertThat(Csrf.isStateChanging("DELETE")).isTrue();
        assertThat(Csrf.isStateChanging("GET")).isFalse();
    }

    @Test
    void languageIsTheSessionChoiceThenTheCookieThenArabic() {
        assertThat(LanguageResolver.resolve("fr", "en")).isEqualTo(Language.FR);
        assertThat(LanguageResolver.resolve(null, "en")).isEqualTo(Language.EN);
        assertThat(LanguageResolver.resolve(null, "de")).isEqualTo(Language.AR);
        assertThat(LanguageResolver.resolve(null, null)).isEqualTo(Language.AR);
    }

    @Test
    void theLanguageSwitchReturnsOnlyToPathsOfThisSite() {
        assertThat(LanguageServlet.safeLocalPath("/login")).isEqualTo("/login");
        assertThat(LanguageServlet.safeLocalPath("//evil.example/x")).isEqualTo("/");
        assertThat(LanguageServlet.safeLocalPath("https://evil.example/")).isEqualTo("/");
        assertThat(LanguageServlet.safeLocalPath("/\\evil.example")).isEqualTo("/");
        assertThat(LanguageServlet.safeLocalPath("/a b")).isEqualTo("/");
        assertThat(LanguageServlet.safeLocalPath(null)).isEqualTo("/");
    }
}
