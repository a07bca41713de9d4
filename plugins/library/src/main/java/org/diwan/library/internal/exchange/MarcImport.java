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
 * find or make. Fields with no place in the catalogue are left out and listed.
 */
final class MarcImport {

    /** A name a record gives, the kind of authority it is, and the id it links when it came from here. */
    record NameRef(Role role, AuthorityKind kind, String name, String id) {
    }

    /** What one MARC record says, in the form's words. */
    record Read(Map<String, String> fields, List<NameRef> names, List<String> ignoredTags) {
    }

    Read read(Record marc, String defaultAccess) {
        Map<String, String> f = new HashMap<>();
        List<NameRef> names = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        String leader = marc.getLeader().marshal();
        char type = leader.length() > 7 ? leader.charAt(6) : 'a';
        char level = leader.length() > 7 ? leader.charAt(7) : 'm';
        ControlField fixed = (ControlField) marc.getVariableField("008");
        String language = fixed != null && fixed.getData().length() >= 38 ? MarcLanguages.fromMarc(fixed.getData().substring(35, 38)) : null;
        if (fixed != null && fixed.getData().length() >= 11 && fixed.getData().substring(7, 11).matches("\\d{4}")) {
            f.put("year", fixed.getData().substring(7, 11));
        }
        List<String[]> otherTitles = new ArrayList<>();
        String access = defaultAccess;
        for (DataField field : marc.getDataFields()) {
            String tag = field.getTag();
            switch (tag) {
                case "020", "022" -> f.putIfAbsent("identifier", first(field, 'a'));
                case "041" -> language = language == null ? MarcLanguages.fromMarc(first(field, 'a')) : language;
                case "046" -> {
                    String date = first(field, 'k');
                    if (date != null && date.matches("\\d{8}")) {
                        f.put("issuedOn", date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6, 8));
                    }
                }
                case "088" -> f.putIfAbsent("symbol", first(field, 'a'));
                case "090", "099" -> f.putIfAbsent("callNumber", first(field, 'a'));
                case "100" -> names.add(ref(Role.AUTHOR, AuthorityKind.PERSON, field));
                case "110" -> names.add(ref(Role.AUTHOR, AuthorityKind.BODY, field));
                case "700" -> names.add(ref(Role.AUTHOR, AuthorityKind.PERSON, field));
                case "710" -> names.add(ref("issuing body".equals(first(field, 'e')) ? Role.BODY : Role.AUTHOR, AuthorityKind.BODY, field));
                case "242" -> otherTitles.add(new String[] {first(field, 'a'), MarcLanguages.fromMarc(first(field, 'y'))});
                case "245" -> {
                    String title = first(field, 'a');
                    String subtitle = first(field, 'b');
                    f.put("title", clean(title == null ? "" : title) + (subtitle == null ? "" : " : " + clean(subtitle)));
                }
                case "246" -> otherTitles.add(new String[] {first(field, 'a'), null});
                case "260", "264" -> {
                    f.putIfAbsent("place", clean(first(field, 'a')));
                    f.putIfAbsent("publisher", clean(first(field, 'b')));
                    String year = first(field, 'c');
                    if (year != null && !f.containsKey("year") && year.replaceAll("\\D", "").length() >= 4) {
                        f.put("year", year.replaceAll("\\D", "").substring(0, 4));
                    }
                }
                case "300" -> f.putIfAbsent("extent", clean(first(field, 'a')));
                case "490" -> f.putIfAbsent("session", first(field, 'a'));
                case "506" -> {
                    String text = first(field, 'a');
                    access = field.getIndicator1() == '0' ? "PUBLIC"
                            : MarcExport.STAFF_ONLY.equalsIgnoreCase(text) ? "STAFF" : "RESTRICTED";
                }
                case "520" -> f.merge("summary", first(field, 'a') == null ? "" : first(field, 'a'), (a, b) -> a + "\n" + b);
                case "650" -> names.add(ref(Role.SUBJECT, AuthorityKind.SUBJECT, field));
                case "651" -> names.add(ref(Role.COUNTRY, AuthorityKind.COUNTRY, field));
                case "773" -> f.putIfAbsent("parent", first(field, 'w'));
                default -> ignored.add(tag);
            }
        }
        String lang = language == null ? "ar" : language;
        f.put("language", lang);
        f.put("access", access);
        placeTitles(f, lang, otherTitles);
        boolean document = f.containsKey("symbol") || names.stream().anyMatch(n -> n.role() == Role.BODY);
        f.put("type", typeOf(type, level, document, f.containsKey("parent")).name());
        return new Read(f, names, ignored);
    }

    /** The main title goes under the holding's language; others under theirs ($y), or by script when not said. */
    private static void placeTitles(Map<String, String> f, String language, List<String[]> others) {
        String main = f.remove("title");
        String mainField = switch (language) {
            case "en" -> "titleEn";
            case "fr" -> "titleFr";
            default -> "titleAr";
        };
        if (main != null && !main.isBlank()) {
            f.put(mainField, main);
        }
        for (String[] other : others) {
            if (other[0] == null || other[0].isBlank()) {
                continue;
            }
            String lang = other[1] != null ? other[1] : other[0].codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)
                    ? "ar" : f.containsKey("titleEn") ? "fr" : "en";
            String field = switch (lang) {
                case "en" -> "titleEn";
                case "fr" -> "titleFr";
                case "ar" -> "titleAr";
                default -> null;
            };
            if (field != null) {
                f.putIfAbsent(field, clean(other[0]));
            }
        }
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

    private static NameRef ref(Role role, AuthorityKind kind, DataField field) {
        String id = null;
        for (Subfield zero : field.getSubfields('0')) {
            if (zero.getData().startsWith(MarcExport.AUTHORITY_PREFIX)) {
                id = zero.getData().substring(MarcExport.AUTHORITY_PREFIX.length());
            }
        }
        return new NameRef(role, kind, clean(first(field, 'a')), id);
    }

    private static String first(DataField field, char code) {
        Subfield subfield = field.getSubfield(code);
        return subfield == null ? null : subfield.getData();
    }

    /** ISBD punctuation other systems leave at the end of a subfield (" /", " :", ","). */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        return value.strip().replaceAll("\\s*[/:;,]$", "").strip();
    }
}
