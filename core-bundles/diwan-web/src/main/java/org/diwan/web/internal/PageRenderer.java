package org.diwan.web.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.calendar.DualDate;
import org.diwan.api.i18n.DigitStyle;
import org.diwan.api.i18n.Language;
import org.diwan.api.notification.Notifications;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.PageHandler;
import org.diwan.api.web.Pages;
import org.diwan.api.web.record.PageRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the shell's pages and the plugins' ({@link Pages}) with Thymeleaf, in the visitor's language and
 * direction, with what every page shows: the navigation, the user, today's date in both calendars, the
 * language switch and the CSRF token.
 */
@Component(service = {PageRenderer.class, Pages.class})
public final class PageRenderer implements Pages {

    private final TemplateEngine engine;
    private final MessageBundles messages;
    private final Navigation navigation;
    private final PluginBundles plugins;
    private final CurrentUser user;
    private final Clock clock = Clock.systemDefaultZone();
    private final AtomicLong renderedGeneration = new AtomicLong(-1);
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Notifications notifications;

    @Activate
    public PageRenderer(@Reference MessageBundles messages, @Reference Navigation navigation, @Reference PluginBundles plugins,
            @Reference CurrentUser user) {
        this.messages = messages;
        this.user = user;
        this.navigation = navigation;
        this.plugins = plugins;
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver(PageRenderer.class.getClassLoader());
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        templates.setCacheable(true);
        templates.setCheckExistence(true);
        templates.setOrder(2);
        engine = new TemplateEngine();
        engine.addTemplateResolver(new PluginTemplateResolver(plugins));
        engine.addTemplateResolver(templates);
        engine.setLinkBuilder(new RootContextLinkBuilder());
        engine.setMessageResolver(new BundleMessageResolver(messages));
    }

    /** The signed-in user's unread notifications; none while the notifications bundle is not running. */
    private int unread() {
        Notifications inbox = notifications;
        Optional<String> user = WebSession.username();
        if (inbox == null || user.isEmpty()) {
            return 0;
        }
        try {
            return inbox.unread(user.get());
        } catch (RuntimeException e) {
            // a count is not worth a page: the page shows without it
            return 0;
        }
    }

    String message(String key, Language language, Object... args) {
        return messages.get(key, language, args);
    }

    @Override
    public Language language(HttpServletRequest request) {
        return WebSession.language(request);
    }

    @Override
    public void error(HttpServletRequest request, HttpServletResponse response, int status, String messageKey) throws IOException {
        render(request, response, status, "error", Map.of("status", status, "messageKey", messageKey));
    }

    @Override
    public boolean permitted(HttpServletRequest request, HttpServletResponse response, String permission) throws IOException {
        if (user.isPermitted(permission)) {
            return true;
        }
        error(request, response, HttpServletResponse.SC_FORBIDDEN, "error.forbidden");
        return false;
    }

    @Override
    public PageRequest resolve(HttpServletRequest request) {
        return RequestParts.pageRequest(request, RequestParts.readableParameters(request), language(request), user);
    }

    @Override
    public void serve(HttpServletRequest request, HttpServletResponse response, String permission, PageHandler handler)
            throws IOException, ServletException {
        PlainPages.serve(this, request, response, permission, handler);
    }

    @Override
    public Map<String, String> fieldErrors(HttpServletRequest request, Validation validation) {
        return messages.fieldErrors(validation.errors(), language(request));
    }

    @Override
    public void render(HttpServletRequest request, HttpServletResponse response, int status, String template,
            Map<String, Object> pageModel) throws IOException {
        long generation = plugins.generation();
        if (renderedGeneration.getAndSet(generation) != generation) {
            // a plugin came or went: its cached templates may be those of the uninstalled version
            engine.clearTemplateCache();
        }
        Language language = WebSession.language(request);
        Map<String, Object> model = new HashMap<>(pageModel);
        model.put("lang", language.tag());
        model.put("dir", language.direction());
        model.put("csrf", WebSession.csrfToken());
        model.put("back", LanguageServlet.safeLocalPath(request.getRequestURI()));
        model.put("user", WebSession.username().orElse(null));
        model.put("isAdmin", WebSession.username().isPresent() && WebSession.subject().isPermitted(AccessRules.ADMIN_PERMISSION));
        model.put("nav", WebSession.username().isPresent() ? navigation.visibleTo(WebSession.subject(), language) : List.of());
        int unread = unread();
        model.put("unread", unread);
        model.put("unreadText", DigitStyle.defaultFor(language).apply(Integer.toString(unread)));
        model.put("today", DualDate.of(LocalDate.now(clock)).format(language, DigitStyle.defaultFor(language)));
        model.put("languages", List.of(
                Map.of("tag", "ar", "name", "العربية", "current", language == Language.AR),
                Map.of("tag", "en", "name", "English", "current", language == Language.EN),
                Map.of("tag", "fr", "name", "Français", "current", language == Language.FR)));

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PageRenderer.class.getClassLoader());
        try {
            String html = engine.process(template, new Context(language.locale(), model));
            response.setStatus(status);
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(html);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * {@code @{/path(param=value)}} links in templates: Diwan's servlet context is always at the root, so a
     * context-relative link needs no servlet request to be built (the engine runs on a plain context).
     */
    private static final class RootContextLinkBuilder extends StandardLinkBuilder {

        @Override
        protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
            return "";
        }
    }

    /** {@code #{key}} in templates, from {@link MessageBundles} in the page's language. */
    private static final class BundleMessageResolver implements IMessageResolver {

        private final MessageBundles messages;

        BundleMessageResolver(MessageBundles messages) {
            this.messages = messages;
        }

        @Override
        public String getName() {
            return "diwan";
        }

        @Override
        public Integer getOrder() {
            return 0;
        }

        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
            Language language = Language.fromTag(context.getLocale().getLanguage()).orElse(Language.DEFAULT);
            return messages.get(key, language, parameters == null ? new Object[0] : parameters);
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
            return key;
        }
    }
}
