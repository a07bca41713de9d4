package org.diwan.library.internal.exchange;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.authority.AuthorityKind;
import org.diwan.library.internal.catalogue.AccessLevel;
import org.diwan.library.internal.catalogue.AuthorityLink;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.OtherTitle;
import org.diwan.library.internal.catalogue.RecordType;
import org.diwan.library.internal.catalogue.Role;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * A description as a MARC 21 bibliographic record, Unicode (leader/09 {@code a}):
 * <table>
 * <tr><td>leader/06-07</td><td>type and level: {@code am} books and League documents, {@code as} periodicals,
 * {@code ab} issues, {@code tm} manuscripts, {@code km} photographs, {@code gm} films, {@code im} tapes</td></tr>
 * <tr><td>001, 008</td><td>the record id; date of the last change, year (07-10), language (35-37)</td></tr>
 * <tr><td>020 / 022</td><td>ISBN or ISSN</td></tr>
 * <tr><td>046 $k</td><td>date of issue, {@code yyyymmdd}</td></tr>
 * <tr><td>088 $a</td><td>document symbol</td></tr>
 * <tr><td>090 $a</td><td>call number</td></tr>
 * <tr><td>100 / 110</td><td>first author, person or body; 700 / 710 the others</td></tr>
 * <tr><td>242 $a $y</td><td>the title in each other language, with its MARC language code</td></tr>
 * <tr><td>245 $a</td><td>the title in the holding's language</td></tr>
 * <tr><td>242 $a $y / 246 1_ $a</td><td>titles in other languages and scripts, with their language when known</td></tr>
 * <tr><td>264 _1 $a $b $c</td><td>place, publisher, year</td></tr>
 * <tr><td>300 $a</td><td>extent</td></tr>
 * <tr><td>490 0_ $a</td><td>session</td></tr>
 * <tr><td>506</td><td>access: first indicator 0 public; 1 with "Staff only" or "Restricted"</td></tr>
 * <tr><td>520 $a</td><td>summary</td></tr>
 * <tr><td>650 _4 / 651 _4</td><td>subjects, countries; 710 2_ $e issuing body: League bodies</td></tr>
 * <tr><td>773 $w</td><td>an issue's periodical</td></tr>
 * </table>
 * An imported description goes out as its source record instead, with only what a cataloguer changed written from
 * this mapping ({@link MarcOverlay}). Every name field carries the authority's id in $0 as {@code (DIWAN)<id>}, so that a record imported again
 * links the same authorities.
 */
final class MarcExport {

    static final String AUTHORITY_PREFIX = "(DIWAN)";
    static final String STAFF_ONLY = "Staff only";
    static final String RESTRICTED = "Restricted";
    private static final DateTimeFormatter ENTERED = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);

    private final MarcFactory factory = MarcFactory.newInstance();

    Record toMarc(CatalogueRecord r, Map<String, Authority> authorities) {
        Record marc = factory.newRecord(factory.newLeader("00000n" + typeOf(r.type()) + levelOf(r.type()) + " a2200000 i 4500"));
        marc.addVariableField(factory.newControlField("001", r.id()));
        marc.addVariableField(factory.newControlField("008", fixed(r)));
        if (r.identifier() != null) {
            marc.addVariableField(data(r.identifier().matches("\\d{4}-\\d{3}[\\dXx]") ? "022" : "020", ' ', ' ', 'a', r.identifier()));
        }
        if (r.issuedOn() != null) {
            marc.addVariableField(data("046", ' ', ' ', 'k', r.issuedOn().toString().replace("-", "")));
        }
        if (r.symbol() != null) {
            marc.addVariableField(data("088", ' ', ' ', 'a', r.symbol()));
        }
        if (r.callNumber() != null) {
            marc.addVariableField(data("090", ' ', ' ', 'a', r.callNumber()));
        }
        List<AuthorityLink> authors = r.links().stream().filter(l -> l.role() == Role.AUTHOR).toList();
        for (int i = 0; i < authors.size(); i++) {
            Authority a = authorities.get(authors.get(i).authorityId());
            if (a != null) {
                boolean person = a.kind() == AuthorityKind.PERSON;
                String tag = i == 0 ? (person ? "100" : "110") : (person ? "700" : "710");
                marc.addVariableField(named(tag, person ? '1' : '2', ' ', a, null));
            }
        }
        String mainTitle = r.title().of(MarcLanguages.language(r.language()));
        if (mainTitle == null) {
            mainTitle = r.title().in(MarcLanguages.language(r.language()));
        }
        for (String[] other : new String[][] {{r.title().ar(), "ara"}, {r.title().en(), "eng"}, {r.title().fr(), "fre"}}) {
            if (other[0] != null && !other[0].equals(mainTitle)) {
                marc.addVariableField(data("242", '1', '0', 'a', other[0], 'y', other[1]));
            }
        }
        for (OtherTitle other : r.title().others()) {
            if (MarcLanguages.toMarc(other.language()) != null && !other.text().equals(mainTitle)) {
                marc.addVariableField(data("242", '1', '0', 'a', other.text(), 'y', MarcLanguages.toMarc(other.language())));
            }
        }
        marc.addVariableField(data("245", authors.isEmpty() ? '0' : '1', '0', 'a', mainTitle));
        for (OtherTitle other : r.title().others()) {
            if (MarcLanguages.toMarc(other.language()) == null && !other.text().equals(mainTitle)) {
                marc.addVariableField(data("246", '1', ' ', 'a', other.text()));
            }
        }
        if (r.place() != null || r.publisher() != null || r.year() != null) {
            DataField publication = factory.newDataField("264", ' ', '1');
            if (r.place() != null) {
                publication.addSubfield(factory.newSubfield('a', r.place()));
            }
            if (r.publisher() != null) {
                publication.addSubfield(factory.newSubfield('b', r.publisher()));
            }
            if (r.year() != null) {
                publication.addSubfield(factory.newSubfield('c', r.year().toString()));
            }
            marc.addVariableField(publication);
        }
        if (r.extent() != null) {
            marc.addVariableField(data("300", ' ', ' ', 'a', r.extent()));
        }
        if (r.session() != null) {
            marc.addVariableField(data("490", '0', ' ', 'a', r.session()));
        }
        marc.addVariableField(r.access() == AccessLevel.PUBLIC ? data("506", '0', ' ', 'a', "Open access")
                : data("506", '1', ' ', 'a', r.access() == AccessLevel.STAFF ? STAFF_ONLY : RESTRICTED));
        if (r.summary() != null) {
            marc.addVariableField(data("520", ' ', ' ', 'a', r.summary()));
        }
        for (AuthorityLink link : r.links()) {
            Authority a = authorities.get(link.authorityId());
            if (a == null) {
                continue;
            }
            switch (link.role()) {
                case SUBJECT -> marc.addVariableField(named("650", ' ', '4', a, null));
                case COUNTRY -> marc.addVariableField(named("651", ' ', '4', a, null));
                case BODY -> marc.addVariableField(named("710", '2', ' ', a, "issuing body"));
                default -> {
                    // authors were written above, in their order
                }
            }
        }
        if (r.parentId() != null) {
            marc.addVariableField(data("773", '0', ' ', 'w', r.parentId()));
        }
        return marc;
    }

    private DataField named(String tag, char ind1, char ind2, Authority a, String relator) {
        DataField field = factory.newDataField(tag, ind1, ind2);
        field.addSubfield(factory.newSubfield('a', a.name().ar()));
        if (relator != null) {
            field.addSubfield(factory.newSubfield('e', relator));
        }
        field.addSubfield(factory.newSubfield('0', AUTHORITY_PREFIX + a.id()));
        return field;
    }

    private DataField data(String tag, char ind1, char ind2, char code, String value) {
        DataField field = factory.newDataField(tag, ind1, ind2);
        field.addSubfield(factory.newSubfield(code, value));
        return field;
    }

    private DataField data(String tag, char ind1, char ind2, char code, String value, char code2, String value2) {
        DataField field = data(tag, ind1, ind2, code, value);
        field.addSubfield(factory.newSubfield(code2, value2));
        return field;
    }

    /** 008 for books (the positions every format shares): entered, date type and year, language, source. */
    private static String fixed(CatalogueRecord r) {
        StringBuilder f = new StringBuilder(" ".repeat(40));
        f.replace(0, 6, ENTERED.format(r.updatedAt()));
        f.setCharAt(6, r.year() == null ? 'n' : 's');
        f.replace(7, 11, r.year() == null ? "uuuu" : String.format("%04d", r.year()));
        f.replace(11, 15, "    ");
        f.replace(15, 18, "xx ");
        String language = MarcLanguages.toMarc(r.language());
        f.replace(35, 38, language == null ? "und" : language);
        f.setCharAt(39, 'd');
        return f.toString();
    }

    static char typeOf(RecordType type) {
        return switch (type) {
            case MANUSCRIPT -> 't';
            case PHOTOGRAPH -> 'k';
            case FILM -> 'g';
            case TAPE -> 'i';
            default -> 'a';
        };
    }

    static char levelOf(RecordType type) {
        return switch (type) {
            case PERIODICAL -> 's';
            case ISSUE -> 'b';
            default -> 'm';
        };
    }
}
