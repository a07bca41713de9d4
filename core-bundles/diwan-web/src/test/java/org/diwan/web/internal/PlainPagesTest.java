package org.diwan.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.i18n.Language;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.PageHandler;
import org.diwan.api.web.Pages;
import org.diwan.api.web.record.PageRequest;
import org.junit.jupiter.api.Test;

class PlainPagesTest {

    private final HttpServletRequest request = proxy(HttpServletRequest.class);
    private final HttpServletResponse response = proxy(HttpServletResponse.class);

    @Test
    void withoutThePermissionTheHandlerNeverRunsAndNothingIsResolved() throws Exception {
        FakePages pages = new FakePages(Set.of("lib:read"));
        PlainPages.serve(pages, request, response, "lib:write", (page, rq, rs) -> {
            throw new AssertionError("the handler ran for someone who may not");
        });
        assertThat(pages.events).containsExactly("403 error.forbidden");
    }

    @Test
    void thePermittedVisitorGetsTheHandlersAnswerOnTheResolvedRequest() throws Exception {
        FakePages pages = new FakePages(Set.of("lib:read"));
        List<PageRequest> seen = new ArrayList<>();
        PlainPages.serve(pages, request, response, "lib:read", (page, rq, rs) -> seen.add(page));
        assertThat(seen).singleElement().satisfies(p -> assertThat(p.path()).containsExactly("import"));
        assertThat(pages.events).containsExactly("resolve");
    }

    @Test
    void aPathTheHandlerDoesNotKnowIsTheShells404() throws Exception {
        FakePages pages = new FakePages(Set.of());
        PlainPages.serve(pages, request, response, null, (page, rq, rs) -> false);
        assertThat(pages.events).containsExactly("resolve", "404 error.notfound");
    }

    @Test
    void aFailingDatabaseIsAServerErrorNotASilentPage() {
        FakePages pages = new FakePages(Set.of("lib:read"));
        PageHandler broken = (page, rq, rs) -> {
            throw new SQLException("disk full");
        };
        assertThatThrownBy(() -> PlainPages.serve(pages, request, response, "lib:read", broken)).isInstanceOf(ServletException.class)
                .hasCauseInstanceOf(SQLException.class);
        assertThat(pages.events).containsExactly("resolve");
    }

    private static <T> T proxy(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(PlainPagesTest.class.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.getName().equals("getRequestURI")) {
                return "/diwan/library/exchange/import";
            }
            throw new UnsupportedOperationException(m.getName());
        }));
    }

    /** The shell's pages as far as the flow uses them, recording what was sent. */
    private static final class FakePages implements Pages {

        final List<String> events = new ArrayList<>();
        private final Set<String> held;

        FakePages(Set<String> held) {
            this.held = held;
        }

        @Override
        public void render(HttpServletRequest request, HttpServletResponse response, int status, String template, Map<String, Object> model) {
            events.add(status + " " + template);
        }

        @Override
        public Language language(HttpServletRequest request) {
            return Language.EN;
        }

        @Override
        public void error(HttpServletRequest request, HttpServletResponse response, int status, String messageKey) {
            events.add(status + " " + messageKey);
        }

        @Override
        public boolean permitted(HttpServletRequest request, HttpServletResponse response, String permission) throws IOException {
            if (held.contains(permission)) {
                return true;
            }
            error(request, response, 403, "error.forbidden");
            return false;
        }

        @Override
        public PageRequest resolve(HttpServletRequest request) {
            events.add("resolve");
            return new PageRequest(List.of("import"), Map.of(), Language.EN, "reader", "127.0.0.1", held::contains);
        }

        @Override
        public void serve(HttpServletRequest request, HttpServletResponse response, String permission, PageHandler handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, String> fieldErrors(HttpServletRequest request, Validation validation) {
            return Map.of();
        }
    }
}
