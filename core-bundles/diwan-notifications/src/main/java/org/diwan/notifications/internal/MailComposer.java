package org.diwan.notifications.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.diwan.api.notification.Notification;

/**
 * Renders a notification as a mail in its recipient's language: the text of the sender's message key (a plugin's
 * {@code <id>.*} key or the shell's) framed by the shell's {@code notifications.mail.*} texts, as plain text and as
 * HTML. Everything that comes from users or callers (display names, arguments) is escaped in the HTML, and the
 * subject is one line: no character of it can start a new mail header. Arabic mail is right to left in the HTML
 * ({@code dir="rtl" lang="ar"}), which mail clients honour where they ignore the text's own direction.
 */
final class MailComposer {

    /** Mail clients cut long subjects anyway; a bound keeps the header short after RFC 2047 encoding. */
    static final int SUBJECT_MAX = 200;

    private final Messages messages;
    private final String baseUrl;

    /** @param publicBaseUrl the node's address as users reach it, or blank for mails without links */
    MailComposer(Messages messages, String publicBaseUrl) {
        this.messages = messages;
        this.baseUrl = checkedBase(publicBaseUrl);
    }

    OutgoingMail compose(Notification notification, String address, String displayName, Language language) {
        String said = messages.get(notification.messageKey(), language, notification.args().toArray());
        String subject = oneLine(messages.get("notifications.mail.subject", language, oneLine(said)));
        String greeting = messages.get("notifications.mail.greeting", language, displayName);
        String link = notification.link() == null || baseUrl == null ? null : baseUrl + notification.link();
        String accountPage = baseUrl == null ? "/account" : baseUrl + "/account";
        String footer = messages.get("notifications.mail.footer", language, accountPage);

        StringBuilder text = new StringBuilder();
        text.append(greeting).append("\n\n").append(said).append("\n\n");
        if (link != null) {
            text.append(messages.get("notifications.mail.open", language)).append(": ").append(link).append("\n\n");
        }
        text.append("-- \n").append(footer).append('\n');

        String dir = language.direction();
        String align = language.rightToLeft() ? "right" : "left";
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(language.tag()).append("\" dir=\"").append(dir).append("\">\n")
                .append("<head><meta charset=\"utf-8\"><title>").append(escape(subject)).append("</title></head>\n")
                .append("<body dir=\"").append(dir).append("\" style=\"direction:").append(dir).append(";text-align:").append(align)
                .append(";font-family:sans-serif\">\n")
                .append("<div dir=\"").append(dir).append("\" lang=\"").append(language.tag()).append("\">\n")
                .append("<p>").append(escape(greeting)).append("</p>\n")
                .append("<p>").append(escape(said)).append("</p>\n");
        if (link != null) {
            html.append("<p><a href=\"").append(escape(link)).append("\">").append(escape(messages.get("notifications.mail.open", language)))
                    .append("</a></p>\n");
        }
        html.append("<hr>\n<p style=\"color:#555;font-size:small\">").append(escape(footer)).append("</p>\n</div>\n</body>\n</html>\n");
        return new OutgoingMail(address, subject, language, text.toString(), html.toString());
    }

    /**
     * One line of at most {@link #SUBJECT_MAX} characters: line breaks (CR, LF, NEL, U+2028/9) and every other control
     * character become spaces, so that no argument can end the Subject header and add one of its own.
     */
    static String oneLine(String value) {
        StringBuilder line = new StringBuilder(value.length());
        value.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? ' ' : c));
        String collapsed = line.toString().replaceAll(" {2,}", " ").strip();
        if (collapsed.codePointCount(0, collapsed.length()) > SUBJECT_MAX) {
            collapsed = collapsed.substring(0, collapsed.offsetByCodePoints(0, SUBJECT_MAX - 1)) + "…";
        }
        return collapsed;
    }

    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** An http(s) URL without query or fragment, its trailing slash dropped; null when blank. */
    static String checkedBase(String publicBaseUrl) {
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            return null;
        }
        String base = publicBaseUrl.strip();
        try {
            URI uri = new URI(base);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("publicBaseUrl must be an http(s) address without user, query or fragment: " + base);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("publicBaseUrl is not a URL: " + base, e);
        }
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
