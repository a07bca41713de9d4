package org.diwan.library.internal.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * An imported description as MARC: its source record, with the groups of fields a cataloguer changed since the
 * import written anew from the catalogue ({@link MappedGroups}). What the catalogue does not map, and every group
 * left alone, goes out as it came: subfields, indicators, punctuation, 880s with their links, field order. The
 * record is always Unicode (leader/09 {@code a}): one that came in MARC-8 was converted on import.
 */
final class MarcOverlay {

    private final MarcFactory factory = MarcFactory.newInstance();

    /**
     * @param written the description as the catalogue writes it by itself ({@link MarcExport})
     * @param source  the record it was imported from
     */
    Record merge(CatalogueRecord record, Record written, MarcSources.Source source) {
        Map<String, String> now = MappedGroups.fingerprints(record);
        Set<String> changed = new HashSet<>();
        now.forEach((group, hash) -> {
            if (!hash.equals(source.fingerprints().get(group))) {
                changed.add(group);
            }
        });
        Record from = source.marc();
        char[] leader = from.getLeader().marshal().toCharArray();
        if (changed.contains(MappedGroups.TYPE)) {
            String own = written.getLeader().marshal();
            leader[6] = own.charAt(6);
            leader[7] = own.charAt(7);
        }
        leader[9] = 'a';
        Record out = factory.newRecord(factory.newLeader(new String(leader)));
        for (ControlField field : from.getControlFields()) {
            String data = field.getData();
            if (field.getTag().equals("008") && changed.contains(MappedGroups.FIXED)) {
                data = patched(data, ((ControlField) written.getVariableField("008")).getData());
            }
            out.addVariableField(factory.newControlField(field.getTag(), data));
        }
        boolean document = from.getVariableField("088") != null;
        Set<String> droppedLinks = new HashSet<>();
        List<DataField> kept = new ArrayList<>();
        for (DataField field : from.getDataFields()) {
            String group = MappedGroups.of(field, document);
            if (group != null && changed.contains(group)) {
                AlternateScripts.Link link = AlternateScripts.Link.of(field);
                if (link != null && link.tag().equals("880")) {
                    droppedLinks.add(field.getTag() + "-" + link.occurrence());
                }
            } else {
                kept.add(field);
            }
        }
        List<DataField> fields = new ArrayList<>();
        for (DataField field : kept) {
            AlternateScripts.Link link = field.getTag().equals("880") ? AlternateScripts.Link.of(field) : null;
            if (link == null || !droppedLinks.contains(link.tag() + "-" + link.occurrence())) {
                fields.add(field);
            }
        }
        for (DataField field : written.getDataFields()) {
            String group = MappedGroups.of(field, document || record.symbol() != null);
            if (group != null && changed.contains(group)) {
                insertInOrder(fields, field);
            }
        }
        fields.forEach(out::addVariableField);
        return out;
    }

    /** The source's 008 with the year (07-10) and language (35-37) the catalogue holds now. */
    private static String patched(String source, String written) {
        if (source.length() < 40) {
            return written;
        }
        StringBuilder data = new StringBuilder(source);
        data.replace(6, 11, written.substring(6, 11));
        data.replace(35, 38, written.substring(35, 38));
        return data.toString();
    }

    /** Before the first data field with a higher tag (880s stay last), as MARC records keep their fields. */
    private static void insertInOrder(List<DataField> fields, DataField field) {
        int at = fields.size();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).getTag().compareTo(field.getTag()) > 0) {
                at = i;
                break;
            }
        }
        fields.add(at, field);
    }
}
