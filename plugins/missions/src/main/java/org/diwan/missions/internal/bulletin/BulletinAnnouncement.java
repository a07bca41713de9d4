package org.diwan.missions.internal.bulletin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diwan.api.events.Announcement;
import org.diwan.api.i18n.Language;
import org.diwan.missions.internal.MissionsPlugin;

/**
 * An issued bulletin's announcement on {@value #ADDRESS}, the documented address the shipped delivery route reads:
 * per language one text message with the HTML and one bytes message with the PDF, with the properties the route and
 * other subscribers select on. Written to the node's event outbox in the transaction, so an issued bulletin
 * is always announced, once, and a bulletin whose issue rolled back never is.
 */
final class BulletinAnnouncement {

    static final String NAME = "bulletin-issued";
    static final String ADDRESS = "diwan.events.missions." + NAME;

    private BulletinAnnouncement() {
    }

    /** The HTML then the PDF of one language: a subscriber sees both, they are written in one transaction. */
    static List<Announcement> of(Bulletin bulletin, Language language, String title, String actor, String html, byte[] pdf) {
        return List.of(Announcement.text(MissionsPlugin.ID, NAME, actor, properties(bulletin, language, title, "html"), html),
                Announcement.bytes(MissionsPlugin.ID, NAME, actor, properties(bulletin, language, title, "pdf"), pdf));
    }

    private static Map<String, String> properties(Bulletin bulletin, Language language, String title, String format) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("DiwanBulletinId", bulletin.id());
        properties.put("DiwanBulletinMonth", bulletin.month().toString());
        properties.put("DiwanBulletinTitle", title);
        properties.put("DiwanLanguage", language.tag());
        properties.put("DiwanFormat", format);
        return properties;
    }
}
