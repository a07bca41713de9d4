package org.diwan.library.internal.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.diwan.library.internal.authority.AuthorityKind;
import org.diwan.library.internal.catalogue.RecordType;
import org.diwan.library.internal.catalogue.Role;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/**
 * Reads a MARC 21 bibliographic record (another library's, or one exported here) into the fields of the
 * catalogue's form, the mapping of {@link MarcExport} read backwards; names become authority references to
 * find or make. A field given again in its original script (880, see {@link AlternateScripts}) is read in both:
 * the title in both forms, a name's Arabic-script form as its heading with the romanization as a variant. What has
 * no place in the form stays in the source record kept beside the description ({@link MarcSources}) and is listed.
 */
final class MarcImport {

    /** Fields read for what they say of others (languages, original scripts) that no group of mapped fields owns. */
    private static final java.util.Set<String> READ_FOR_OTHERS = java.util.Set.of("041", "880");

    /** A name a record gives (with its other-script form, if any), the kind of authority it is, and the id it links when it came from here. */
    record NameRef(Role role, AuthorityKind kind, String name, String otherForm, String id) {
    }

    /** What one MARC record says, in the form's words. */
    record Read(Map<String, String> fields, List<NameRef> names, List<String> ignoredTags) {
    }

    /** The record in the form's words; {@code access} only when the record says it (506). */
    Read read(Record marc) {
        Map<String, String> f = new HashMap<>();
        List<NameRef> names = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        AlternateScripts scripts = new AlternateScripts(marc);
        String leader = marc.getLeader().marshal();
        char type = leader.length() > 7 ? leader.charAt(6) : 'a';
        char level = leader.length() > 7 ? leader.charAt(7) : 'm';
        ControlField fixed = (ControlField) marc.getVariableField("008");
        String language = fixed != null && fixed.getData().length() >= 38 ? MarcLanguages.fromMarc(fixed.getData().substring(35, 38)) : null;
        if (fixed != null && fixed.getData().length() >= 11 && fixed.getData().substring(7, 11).matches("\\d{4}")) {
            f.put("year", fixed.getData().substring(7, 11));
        }
        List<String> textLanguages = new ArrayList<>();
        for (DataField field : marc.getDataFields()) {
            if (field.getTag().equals("041")) {
                for (Subfield code : field.getSubfields()) {
                    if (code.getCode() == 'a' || code.getCode() == 'b' || code.getCode() == 'd') {
                        // old records run several codes together in one subfield: "arafre"
                        for (int i = 0; i + 3 <= code.getData().strip().length(); i += 3) {
                            String iso = MarcLanguages.fromMarc(code.getData().strip().substring(i, i + 3));
                            if (iso != null) {
                                textLanguages.add(iso);
                            }
                        }
                    }
                }
            }
        }
        if (language == null && !textLanguages.isEmpty()) {
            language = textLanguages.get(0);
        }
        TitlePlacement titles = new TitlePlacement(language, textLanguages);
        boolean document = marc.getVariableField("088") != null;
        String access = null;
        for (DataField field : marc.getDataFields()) {
            String tag = field.getTag();
            DataField original = scripts.of(field);
            if (MappedGroups.of(field, document) == null && !READ_FOR_OTHERS.contains(tag)) {
                ignored.add(tag);
            }
            switch (tag) {
                case "020", "022" -> {
                    String number = first(field, 'a');
                    if (number != null) {
                        // "9780306406157 (pbk.)": the number without its qualifier
                        f.putIfAbsent("identifier", number.strip().split("\\s+")[0]);
                    }
                }
                case "046" -> {
                    String date = first(field, 'k');
                    if (date != null && date.matches("\\d{8}")) {
                        f.put("issuedOn", date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6, 8));
                    }
                }
                case "088" -> f.putIfAbsent("symbol", first(field, 'a'));
                case "090", "099" -> f.putIfAbsent("callNumber", joined(field, "ab", " "));
                case "100", "700" -> names.add(ref(Role.AUTHOR, AuthorityKind.PERSON, field, original, "a"));
                case "110" -> names.add(ref(Role.AUTHOR, AuthorityKind.BODY, field, original, "ab"));
                case "710" -> names.add(ref("issuing body".equals(first(field, 'e')) ? Role.BODY : Role.AUTHOR, AuthorityKind.BODY, field, original, "ab"));
                case "242" -> titles.declared(clean(joined(field, "abnp", " ")), MarcLanguages.fromMarc(first(field, 'y')));
                case "245" -> titles.main(title(field), original == null ? null : title(original));
                case "246" -> titles.variant(title(field), original == null ? null : title(original), field.getIndicator2() == '1');
                case "260", "264" -> {
                    // the publication statement (264 second indicator 1), not a copyright date or a distributor
                    if (tag.equals("260") || field.getIndicator2() == '1') {
                        f.putIfAbsent("place", clean(first(field, 'a')));
                        f.putIfAbsent("publisher", clean(first(field, 'b')));
                        String year = first(field, 'c');
                        if (year != null && !f.containsKey("year") && year.replaceAll("\\D", "").length() >= 4) {
                            f.put("year", year.replaceAll("\\D", "").substring(0, 4));
                        }
                    }
                }
                case "300" -> f.putIfAbsent("extent", clean(joined(field, "abc", " ")));
                case "490" -> {
                    // a League document's session; any other record's series stays in its source record
                    if (document) {
                        f.putIfAbsent("session", clean(first(field, 'a')));
                    }
                }
                case "506" -> {
                    String text = first(field, 'a');
                    access = field.getIndicator1() == '0' ? "PUBLIC"
                            : MarcExport.STAFF_ONLY.equalsIgnoreCase(text) ? "STAFF" : "RESTRICTED";
                }
                case "520" -> f.merge("summary", first(field, 'a') == null ? "" : first(field, 'a'), (a, b) -> a + "\n" + b);
                case "650" -> names.add(ref(Role.SUBJECT, AuthorityKind.SUBJECT, field, original, "a"));
                case "651" -> names.add(ref(Role.COUNTRY, AuthorityKind.COUNTRY, field, original, "a"));
                case "773" -> f.putIfAbsent("parent", first(field, 'w'));
                default -> {
                    // kept in the source record only (listed above)
                }
            }
        }
        titles.into(f);
        f.put("language", language == null ? "und" : language);
        if (access != null) {
            f.put("access", access);
        }
        boolean leagueDocument = document || names.stream().anyMatch(n -> n.role() == Role.BODY);
        f.put("type", typeOf(type, level, leagueDocument, f.containsKey("parent")).name());
        return new Read(f, names.stream().filter(n -> n.name() != null || n.otherForm() != null).toList(), ignored);
    }

    /** The title proper and its remainder (245 $a $b $n $p), without the ISBD punctuation between them. */
    private static String title(DataField field) {
        String proper = clean(joined(field, "anp", " "));
        String remainder = clean(first(field, 'b'));
        if (proper == null) {
            return remainder;
        }
        return remainder == null ? proper : proper + " : " + remainder;
    }

    static RecordType typeOf(char type, char level, boolean leagueDocument, boolean hasParent) {
        return switch (type) {
            case 't' -> RecordType.MANUSCRIPT;
            case 'k' -> RecordType.PHOTOGRAPH;
            case 'g' -> RecordType.FILM;
            case 'i', 'j' -> RecordType.TAPE;
            default -> level == 's' ? RecordType.PERIODICAL
                    : level == 'b' && hasParent ? RecordType.ISSUE
                    : leagueDocument ? RecordType.LEAGUE_DOCUMENT : RecordType.BOOK;
        };
    }

    private static NameRef ref(Role role, AuthorityKind kind, DataField field, DataField original, String codes) {
        String id = null;
        for (Subfield zero : field.getSubfields('0')) {
            if (zero.getData().startsWith(MarcExport.AUTHORITY_PREFIX)) {
                id = zero.getData().substring(MarcExport.AUTHORITY_PREFIX.length());
            }
        }
        return new NameRef(role, kind, clean(joined(field, codes, " ")), original == null ? null : clean(joined(original, codes, " ")), id);
    }

    private static String first(DataField field, char code) {
        Subfield subfield = field.getSubfield(code);
        return subfield == null ? null : subfield.getData();
    }

    /** The subfields of these codes, in the record's order, joined. */
    private static String joined(DataField field, String codes, String separator) {
        StringBuilder text = new StringBuilder();
        for (Subfield subfield : field.getSubfields()) {
            if (codes.indexOf(subfield.getCode()) >= 0 && !subfield.getData().isBlank()) {
                text.append(text.length() == 0 ? "" : separator).append(subfield.getData().strip());
            }
        }
        return text.length() == 0 ? null : text.toString();
    }

    /**
     * Without the ISBD punctuation other systems leave at the end of a subfield (" /", " :", " =", ";", ",", the
     * Arabic comma and semicolon, a closing full stop), so that every field ends alike. A full stop that ends an
     * initial or an abbreviation ("J.", "Jr.", "etc.", "...") stays.
     */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        while (true) {
            String shorter = text.replaceAll("\\s*[/:;,=\u060C\u061B]$", "").strip();
            if (shorter.endsWith(".") && !shorter.endsWith("...") && !abbreviation(shorter)) {
                shorter = shorter.substring(0, shorter.length() - 1).strip();
            }
            if (shorter.equals(text)) {
                return text.isEmpty() ? null : text;
            }
            text = shorter;
        }
    }

    /** Ends with a one- or two-letter word and a full stop ("A.", "Jr."), or "etc.". */
    private static boolean abbreviation(String text) {
        int end = text.length() - 1;
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        int letters = end - start;
        return (letters >= 1 && letters <= 2) || text.substring(start, end).equalsIgnoreCase("etc");
    }
}
