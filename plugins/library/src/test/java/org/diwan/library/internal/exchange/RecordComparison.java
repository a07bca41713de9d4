package org.diwan.library.internal.exchange;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcReader;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/** Records as lines to compare: every control field, and every data field with its indicators and subfields in order. */
final class RecordComparison {

    private RecordComparison() {
    }

    static List<String> lines(Record r) {
        List<String> lines = new ArrayList<>();
        for (ControlField field : r.getControlFields()) {
            lines.add(field.getTag() + " " + field.getData());
        }
        for (DataField field : r.getDataFields()) {
            StringBuilder line = new StringBuilder(field.getTag()).append(' ').append(field.getIndicator1()).append(field.getIndicator2());
            for (Subfield s : field.getSubfields()) {
                line.append(" $").append(s.getCode()).append(s.getData());
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static List<Record> read(byte[] file) {
        MarcReader reader = file.length > 0 && file[0] == '<' ? new MarcXmlReader(new ByteArrayInputStream(file))
                : new MarcPermissiveStreamReader(new ByteArrayInputStream(file), true, true, "BESTGUESS");
        List<Record> records = new ArrayList<>();
        while (reader.hasNext()) {
            records.add(reader.next());
        }
        return records;
    }
}
