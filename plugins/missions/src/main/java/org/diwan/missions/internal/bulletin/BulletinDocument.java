package org.diwan.missions.internal.bulletin;

import java.time.format.TextStyle;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

import org.diwan.api.i18n.DigitStyle;
import org.diwan.api.i18n.Language;
import org.diwan.api.reference.Countries;
import org.diwan.missions.internal.common.Xhtml;
import org.diwan.missions.internal.correspondence.Classification;

/**
 * The bulletin as one self-contained XHTML document in one language: what is sent to the website, mailed,
 * and turned into the PDF. Items are grouped by topic, then by country, in the order staff left them. Every
 * text is escaped; the document is well-formed XML so that the PDF renderer takes it as it is.
 */
public final class BulletinDocument {

    private final Countries countries;
    private final BiFunction<String, Language, String> messages;

    /** @param messages the department's texts: key and language to text */
    public BulletinDocument(Countries countries, BiFunction<String, Language, String> messages) {
        this.countries = countries;
        this.messages = messages;
    }

    public String xhtml(Bulletin bulletin, Language language) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(language.tag()).append("\" dir=\"").append(language.direction()).append("\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>")
                .append(Xhtml.escape(bulletin.title().in(language))).append("</title>\n<style>\n")
                .append("body { font-size: 11pt; line-height: 1.6; margin: 0; }\n")
                .append("h1 { font-size: 20pt; color: #0b6e4f; margin-bottom: 0; }\n")
                .append(".month { color: #5b6b7a; margin-top: 0.2em; }\n")
                .append("h2 { font-size: 15pt; border-bottom: 1px solid #d5dde4; margin-top: 1.4em; }\n")
                .append("h3 { font-size: 12pt; color: #5b6b7a; margin-bottom: 0.2em; }\n")
                .append("h4 { font-size: 11pt; margin: 0.6em 0 0.1em 0; }\n")
                .append("p { margin: 0.2em 0 0.6em 0; white-space: pre-line; }\n")
                .append("@page { size: A4; margin: 2cm; }\n</style>\n</head>\n<body>\n");
        html.append("<h1>").append(Xhtml.escape(bulletin.title().in(language))).append("</h1>\n");
        html.append("<p class=\"month\">").append(Xhtml.escape(monthLabel(bulletin, language))).append("</p>\n");
        if (bulletin.intro().in(language) != null) {
            html.append("<p class=\"intro\">").append(Xhtml.escape(bulletin.intro().in(language))).append("</p>\n");
        }
        List<BulletinItem> items = bulletin.items().stream().filter(BulletinItem::included).toList();
        if (items.isEmpty()) {
            html.append("<p>").append(Xhtml.escape(messages.apply("missions.bulletin.empty", language))).append("</p>\n");
        }
        Classification topic = null;
        String country = null;
        for (BulletinItem item : items) {
            if (item.classification() != topic) {
                topic = item.classification();
                country = null;
                html.append("<h2>").append(Xhtml.escape(messages.apply("missions.bulletin.topic." + topic.name(), language))).append("</h2>\n");
            }
            if (!Objects.equals(item.country(), country)) {
                country = item.country();
                html.append("<h3>").append(Xhtml.escape(countries.name(country, language))).append("</h3>\n");
            }
            html.append("<h4>").append(Xhtml.escape(item.heading().in(language))).append("</h4>\n");
            if (item.text().in(language) != null) {
                html.append("<p>").append(Xhtml.escape(item.text().in(language))).append("</p>\n");
            }
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static String monthLabel(Bulletin bulletin, Language language) {
        String month = bulletin.month().getMonth().getDisplayName(TextStyle.FULL_STANDALONE, language.locale());
        return month + " " + DigitStyle.defaultFor(language).apply(Integer.toString(bulletin.month().getYear()));
    }
}
