package org.diwan.library.internal.exchange;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcXmlWriter;
import org.marc4j.converter.impl.UnicodeToAnsel;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * Records in the shape other libraries send them: Library of Congress and OCLC records of Arabic, Hebrew-script and
 * Greek books with their original script in linked 880 fields, ISBD punctuation at the end of subfields, subject
 * subdivisions, series, notes, a second 264; written as MARCXML or ISO 2709, in UTF-8 or MARC-8.
 */
final class MarcSamples {

    private static final MarcFactory FACTORY = MarcFactory.newInstance();

    private MarcSamples() {
    }

    /** An LC record of an Arabic book: romanized fields, each with its Arabic 880. */
    static Record arabicBook() {
        Record r = record("01234cam a2200313 i 4500", "  2010345678", "DLC", "100512s2009    le a     b    001 0 ara  ");
        add(r, "010", ' ', ' ', "a", "  2010345678");
        add(r, "020", ' ', ' ', "a", "9789953881234 (pbk.)");
        add(r, "035", ' ', ' ', "a", "(OCoLC)ocn612345678");
        add(r, "040", ' ', ' ', "a", "DLC", "b", "eng", "e", "rda", "c", "DLC");
        add(r, "041", '1', ' ', "a", "ara", "h", "ara");
        add(r, "066", ' ', ' ', "c", "(3");
        add(r, "100", '1', ' ', "6", "880-01", "a", "Ḥusayn, Ṭāhā,", "d", "1889-1973,", "e", "author.");
        add(r, "240", '1', '0', "a", "Ayyām.", "l", "Arabic");
        add(r, "245", '1', '0', "6", "880-02", "a", "Kitāb al-ayyām /", "c", "Ṭāhā Ḥusayn.");
        add(r, "246", '1', '3', "a", "Ayyam");
        add(r, "250", ' ', ' ', "6", "880-03", "a", "al-Ṭabʻah 2.");
        add(r, "264", ' ', '1', "6", "880-04", "a", "Bayrūt :", "b", "Dār al-Kitāb al-Lubnānī,", "c", "2009.");
        add(r, "264", ' ', '4', "c", "©2008");
        add(r, "300", ' ', ' ', "a", "320 pages ;", "c", "24 cm");
        add(r, "336", ' ', ' ', "a", "text", "b", "txt", "2", "rdacontent");
        add(r, "490", '1', ' ', "6", "880-05", "a", "Silsilat al-adab al-ʻArabī ;", "v", "12");
        add(r, "500", ' ', ' ', "a", "Originally published: Cairo, 1929.");
        add(r, "504", ' ', ' ', "a", "Includes bibliographical references (pages 310-318) and index.");
        add(r, "650", ' ', '0', "a", "Authors, Arab", "z", "Egypt", "v", "Biography.");
        add(r, "650", ' ', '0', "a", "Blind", "z", "Egypt", "v", "Biography.");
        add(r, "650", ' ', '7', "a", "Arabic literature.", "2", "fast", "0", "(OCoLC)fst00812345");
        add(r, "655", ' ', '7', "a", "Autobiographies.", "2", "lcgft");
        add(r, "700", '1', ' ', "a", "Smith, John A.,", "e", "translator.");
        add(r, "730", '0', '2', "a", "Qurʼān.");
        add(r, "880", '1', ' ', "6", "100-01/(3/r", "a", "حسين، طه،", "d", "1889-1973،", "e", "مؤلف.");
        add(r, "880", '1', '0', "6", "245-02/(3/r", "a", "كتاب الأيام /", "c", "طه حسين.");
        add(r, "880", ' ', ' ', "6", "250-03/(3/r", "a", "الطبعة 2.");
        add(r, "880", ' ', '1', "6", "264-04/(3/r", "a", "بيروت :", "b", "دار الكتاب اللبناني،", "c", "2009.");
        add(r, "880", '1', ' ', "6", "490-05/(3/r", "a", "سلسلة الأدب العربي ؛", "v", "12");
        return r;
    }

    /**
     * An OCLC record of a Yiddish book: romanized, with its Hebrew-script 880s (no rafe: MARC-8's Hebrew set has
     * none, and the record is sent in MARC-8 too).
     */
    static Record yiddishBook() {
        Record r = record("00987cam a2200277Ii 4500", "ocm12345678", "OCoLC", "850311s1948    nyu           000 0 yid d");
        add(r, "035", ' ', ' ', "a", "(OCoLC)12345678");
        add(r, "040", ' ', ' ', "a", "NNC", "b", "eng", "c", "NNC");
        add(r, "066", ' ', ' ', "c", "(2");
        add(r, "100", '1', ' ', "6", "880-01", "a", "Sutzkever, Abraham,", "d", "1913-2010.");
        add(r, "245", '1', '4', "6", "880-02", "a", "Di goldene keyt :", "b", "literatur-zamlung /", "c", "A. Sutskever.");
        add(r, "260", ' ', ' ', "6", "880-03", "a", "Nyu-York :", "b", "Farlag Matones,", "c", "1948.");
        add(r, "300", ' ', ' ', "a", "214 p. ;", "c", "22 cm.");
        add(r, "650", ' ', '0', "a", "Yiddish literature", "y", "20th century.");
        add(r, "880", '1', ' ', "6", "100-01/(2/r", "a", "סוצקעווער, אברהם,", "d", "1913-2010.");
        add(r, "880", '1', '4', "6", "245-02/(2/r", "a", "די גאָלדענע קייט :", "b", "ליטעראַטור-זאַמלונג /", "c", "א. סוצקעווער.");
        add(r, "880", ' ', ' ', "6", "260-03/(2/r", "a", "ניו-יאָרק :", "b", "פאַרלאַג מתּנות,", "c", "1948.");
        return r;
    }

    /** A Greek book catalogued in romanization, the Greek in 880s. */
    static Record greekBook() {
        Record r = record("00812cam a2200241 i 4500", "gr000042", "GrAtN", "150101s2014    gr            000 0 gre d");
        add(r, "020", ' ', ' ', "a", "960-03-0421-3");
        add(r, "100", '1', ' ', "6", "880-01", "a", "Kavafēs, K. P.,", "e", "author.");
        add(r, "245", '1', '0', "6", "880-02", "a", "Poiēmata /", "c", "K.P. Kavafēs.");
        add(r, "264", ' ', '1', "a", "Athēna :", "b", "Ikaros,", "c", "2014.");
        add(r, "880", '1', ' ', "6", "100-01/(S", "a", "Καβάφης, Κ. Π.,", "e", "author.");
        add(r, "880", '1', '0', "6", "245-02/(S", "a", "Ποιήματα /", "c", "Κ.Π. Καβάφης.");
        return r;
    }

    /** An Arabic record written here-style, with a French parallel title and a Tamazight one in Tifinagh. */
    static Record moroccanReport() {
        Record r = record("00640nam a2200205 i 4500", "MA-2019-17", "MaRaBN", "190611s2019    mr            000 0 ara d");
        add(r, "041", '0', ' ', "a", "ara", "a", "fre", "a", "zgh");
        add(r, "245", '1', '0', "a", "التقرير السنوي للمجلس", "b", "2018");
        add(r, "246", '3', '1', "a", "Rapport annuel du Conseil");
        add(r, "246", '3', '1', "a", "ⴰⵏⵇⵇⵉⵙ ⵏ ⵓⵙⴳⴳⵯⴰⵙ");
        add(r, "264", ' ', '1', "a", "الرباط", "b", "المجلس الاقتصادي", "c", "2019");
        return r;
    }

    /** An English report with a non-filing article, added entries only (no 100), two places of publication, a series. */
    static Record englishReport() {
        Record r = record("00770nam a2200229 a 4500", "UNDOC-2011-88", "NNUN", "110304s2011    nyu      b    000 0 eng d");
        add(r, "020", ' ', ' ', "a", "0-306-40615-2");
        add(r, "035", ' ', ' ', "a", "(UN)88-2011");
        add(r, "245", '0', '4', "a", "The Arab human development report :", "b", "building a knowledge society /",
                "c", "United Nations Development Programme.");
        add(r, "246", '3', '0', "a", "Arab human development report");
        add(r, "250", ' ', ' ', "a", "2nd ed.");
        add(r, "260", ' ', ' ', "a", "New York ;", "a", "Amman :", "b", "UNDP,", "c", "2011.");
        add(r, "300", ' ', ' ', "a", "xii, 210 p. :", "b", "ill. ;", "c", "28 cm.");
        add(r, "490", '1', ' ', "a", "Arab human development report ;", "v", "2011");
        add(r, "500", ' ', ' ', "a", "\"Sponsored by the Regional Bureau for Arab States.\"");
        add(r, "520", ' ', ' ', "a", "Looks at knowledge in the Arab countries.");
        add(r, "650", ' ', '0', "a", "Human capital", "z", "Arab countries.");
        add(r, "650", ' ', '0', "a", "Human capital", "z", "Arab countries", "x", "Statistics.");
        add(r, "651", ' ', '0', "a", "Arab countries", "x", "Economic conditions", "y", "21st century.");
        add(r, "700", '1', ' ', "a", "Hunaidi, Rima Khalaf,", "d", "1953-", "e", "editor.");
        add(r, "710", '2', ' ', "a", "United Nations Development Programme.", "b", "Regional Bureau for Arab States.");
        add(r, "730", '0', ' ', "a", "Human development report.");
        add(r, "830", ' ', '0', "a", "Arab human development report ;", "v", "2011.");
        return r;
    }

    static Record record(String leader, String controlNumber, String agency, String fixed) {
        Record r = FACTORY.newRecord(FACTORY.newLeader(leader));
        r.addVariableField(FACTORY.newControlField("001", controlNumber));
        r.addVariableField(FACTORY.newControlField("003", agency));
        r.addVariableField(FACTORY.newControlField("005", "20190611083512.0"));
        r.addVariableField(FACTORY.newControlField("008", fixed));
        return r;
    }

    static DataField add(Record r, String tag, char ind1, char ind2, String... codesAndValues) {
        DataField field = FACTORY.newDataField(tag, ind1, ind2);
        for (int i = 0; i < codesAndValues.length; i += 2) {
            field.addSubfield(FACTORY.newSubfield(codesAndValues[i].charAt(0), codesAndValues[i + 1]));
        }
        r.addVariableField(field);
        return field;
    }

    static byte[] xml(List<Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcXmlWriter writer = new MarcXmlWriter(out, "UTF-8", true);
        records.forEach(writer::write);
        writer.close();
        return out.toByteArray();
    }

    static byte[] utf8(List<Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamWriter writer = new MarcStreamWriter(out, "UTF-8");
        for (Record r : records) {
            r.getLeader().setCharCodingScheme('a');
            writer.write(r);
        }
        writer.close();
        return out.toByteArray();
    }

    /** ISO 2709 in MARC-8 (leader/09 blank), as older catalogues and many OCLC exports still send. */
    static byte[] marc8(List<Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamWriter writer = new MarcStreamWriter(out, "ISO8859_1");
        writer.setConverter(new UnicodeToAnsel());
        for (Record r : records) {
            r.getLeader().setCharCodingScheme(' ');
            writer.write(r);
        }
        writer.close();
        return out.toByteArray();
    }
}
