package org.diwan.library.internal.exchange;

import java.util.HashMap;
import java.util.Map;

import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/**
 * The 880 fields of a record (alternate graphic representation) paired with the fields they give in another
 * script. A field and its 880 point at each other by $6: the field's {@code 880-01} names the 880 whose own $6
 * reads {@code 245-01/(3/r} (the linked tag, the occurrence, the script code, {@code r} when written right to
 * left). An 880 with occurrence {@code 00} stands alone and pairs with nothing.
 */
final class AlternateScripts {

    private final Map<String, DataField> byLink = new HashMap<>();

    AlternateScripts(Record marc) {
        for (DataField field : marc.getDataFields()) {
            if (field.getTag().equals("880")) {
                Link link = Link.of(field);
                if (link != null && !link.occurrence().equals("00")) {
                    byLink.putIfAbsent(link.tag() + "-" + link.occurrence(), field);
                }
            }
        }
    }

    /** The 880 that gives {@code field} in its original script, or {@code null}. */
    DataField of(DataField field) {
        Link link = Link.of(field);
        if (link == null || !link.tag().equals("880")) {
            return null;
        }
        return byLink.get(field.getTag() + "-" + link.occurrence());
    }

    /** A field's $6: the tag it links to, the occurrence number, and the script code of an 880 (may be empty). */
    record Link(String tag, String occurrence, String script) {

        static Link of(DataField field) {
            Subfield six = field.getSubfield('6');
            if (six == null) {
                return null;
            }
            String value = six.getData().strip();
            if (value.length() < 6 || value.charAt(3) != '-') {
                return null;
            }
            String tag = value.substring(0, 3);
            String occurrence = value.substring(4, 6);
            if (!tag.matches("\\d{3}") || !occurrence.matches("\\d{2}")) {
                return null;
            }
            String rest = value.substring(6);
            String script = rest.startsWith("/") ? rest.substring(1).split("/")[0] : "";
            return new Link(tag, occurrence, script);
        }
    }
}
