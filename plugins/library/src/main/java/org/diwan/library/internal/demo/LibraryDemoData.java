package org.diwan.library.internal.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.LocalizedText;
import org.diwan.api.reference.Countries;
import org.diwan.library.internal.authority.AuthorityDraft;
import org.diwan.library.internal.authority.AuthorityKind;
import org.diwan.library.internal.catalogue.AccessLevel;
import org.diwan.library.internal.catalogue.AuthorityLink;
import org.diwan.library.internal.catalogue.RecordDraft;
import org.diwan.library.internal.catalogue.RecordType;
import org.diwan.library.internal.catalogue.Role;
import org.diwan.library.internal.catalogue.Titles;

/**
 * Demonstration (and benchmark) data for the library: the 22 member states, the League's bodies and
 * specialised organisations, subjects and authors in Arabic, English and French, and descriptions of every
 * holding type naming them. League documents carry symbols, sessions and dates; titles come in the languages
 * the documents are issued in, with the spelling variants real catalogues hold. The same seed gives the same
 * data.
 */
public final class LibraryDemoData {

    static final List<String> MEMBER_STATES = List.of("DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM",
            "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE");
    /** Arabic, English, French, and the abbreviation or older form met in documents. */
    static final List<String[]> BODIES = List.of(
            new String[] {"مؤتمر القمة العربي", "Arab Summit", "Sommet arabe", "القمة العربية"},
            new String[] {"مجلس جامعة الدول العربية", "Council of the League of Arab States", "Conseil de la Ligue des États arabes", "مجلس الجامعة"},
            new String[] {"المجلس الاقتصادي والاجتماعي", "Economic and Social Council", "Conseil économique et social", "المجلس الاقتصادي"},
            new String[] {"مجلس وزراء الصحة العرب", "Council of Arab Health Ministers", "Conseil des ministres arabes de la santé", ""},
            new String[] {"مجلس وزراء العدل العرب", "Council of Arab Ministers of Justice", "Conseil des ministres arabes de la justice", ""},
            new String[] {"مجلس وزراء الإعلام العرب", "Council of Arab Information Ministers", "Conseil des ministres arabes de l’information", ""},
            new String[] {"مجلس وزراء الداخلية العرب", "Council of Arab Interior Ministers", "Conseil des ministres arabes de l’intérieur", ""},
            new String[] {"المجلس الوزاري العربي للمياه", "Arab Ministerial Council for Water", "Conseil ministériel arabe de l’eau", ""},
            new String[] {"اللجنة الدائمة للشؤون القانونية", "Standing Committee for Legal Affairs", "Comité permanent des affaires juridiques", ""},
            new String[] {"اللجنة الدائمة للإعلام العربي", "Standing Committee for Arab Media", "Comité permanent des médias arabes", ""},
            new String[] {"المنظمة العربية للتربية والثقافة والعلوم", "Arab League Educational, Cultural and Scientific Organization",
                    "Organisation arabe pour l’éducation, la culture et les sciences", "الألكسو"},
            new String[] {"منظمة العمل العربية", "Arab Labour Organization", "Organisation arabe du travail", ""},
            new String[] {"المنظمة العربية للتنمية الإدارية", "Arab Administrative Development Organization",
                    "Organisation arabe pour le développement administratif", ""},
            new String[] {"الأمانة العامة لجامعة الدول العربية", "General Secretariat of the League of Arab States",
                    "Secrétariat général de la Ligue des États arabes", "الأمانة العامة"});
    static final List<String[]> SUBJECTS = List.of(
            new String[] {"الأمن المائي", "Water security", "Sécurité hydrique"},
            new String[] {"التعليم", "Education", "Éducation"},
            new String[] {"الصحة العامة", "Public health", "Santé publique"},
            new String[] {"التجارة البينية", "Inter-Arab trade", "Commerce interarabe"},
            new String[] {"حقوق الإنسان", "Human rights", "Droits de l’homme"},
            new String[] {"اللاجئون", "Refugees", "Réfugiés"},
            new String[] {"المرأة", "Women", "Femmes"},
            new String[] {"الشباب", "Youth", "Jeunesse"},
            new String[] {"البيئة", "Environment", "Environnement"},
            new String[] {"الطاقة", "Energy", "Énergie"},
            new String[] {"الإعلام", "Media", "Médias"},
            new String[] {"التراث الثقافي", "Cultural heritage", "Patrimoine culturel"},
            new String[] {"الأمن الغذائي", "Food security", "Sécurité alimentaire"},
            new String[] {"مكافحة الإرهاب", "Counter-terrorism", "Lutte contre le terrorisme"},
            new String[] {"القضية الفلسطينية", "Question of Palestine", "Question de Palestine"},
            new String[] {"التنمية المستدامة", "Sustainable development", "Développement durable"},
            new String[] {"الاتصالات وتقنية المعلومات", "Telecommunications and IT", "Télécommunications et informatique"},
            new String[] {"النقل", "Transport", "Transports"},
            new String[] {"السياحة", "Tourism", "Tourisme"},
            new String[] {"العمل والعمال", "Labour", "Travail"});
    private static final String[][] FIRST = {{"أحمد", "Ahmed"}, {"محمد", "Mohamed"}, {"علي", "Ali"}, {"فاطمة", "Fatima"}, {"عائشة", "Aisha"},
            {"مصطفى", "Mustafa"}, {"إبراهيم", "Ibrahim"}, {"يوسف", "Youssef"}, {"ليلى", "Leila"}, {"سلمى", "Salma"}, {"خالد", "Khaled"},
            {"هدى", "Hoda"}, {"نادية", "Nadia"}, {"طه", "Taha"}, {"إسماعيل", "Ismail"}, {"مريم", "Maryam"}, {"حسن", "Hassan"},
            {"زينب", "Zeinab"}, {"عمر", "Omar"}, {"سعاد", "Souad"}};
    private static final String[][] LAST = {{"القاسمي", "Al-Qasimi"}, {"العربي", "El-Arabi"}, {"المصري", "El-Masri"}, {"التونسي", "Ettounsi"},
            {"الحسيني", "Al-Husseini"}, {"الإدريسي", "El-Idrissi"}, {"الشامي", "Al-Shami"}, {"البغدادي", "Al-Baghdadi"},
            {"الأنصاري", "Al-Ansari"}, {"الجزائري", "El-Djazairi"}, {"الكويتي", "Al-Kuwaiti"}, {"العماني", "Al-Omani"},
            {"اليمني", "Al-Yamani"}, {"الأردني", "Al-Urduni"}, {"اللبناني", "El-Lubnani"}, {"السوداني", "Al-Sudani"}};
    private static final String[][] DOCUMENT_KINDS = {{"قرار بشأن", "Resolution on", "Résolution sur"},
            {"تقرير الأمين العام عن", "Report of the Secretary-General on", "Rapport du Secrétaire général sur"},
            {"محضر اجتماع حول", "Minutes of the meeting on", "Procès-verbal de la réunion sur"},
            {"بيان ختامي حول", "Final communiqué on", "Communiqué final sur"},
            {"مذكرة تفسيرية عن", "Explanatory memorandum on", "Note explicative sur"}};
    private static final String[][] BOOK_KINDS = {{"دراسات في", "Studies in", "Études sur"}, {"مدخل إلى", "Introduction to", "Introduction à"},
            {"تاريخ", "History of", "Histoire de"}, {"دليل", "Guide to", "Guide de"}, {"قضايا", "Issues in", "Questions de"}};

    /** The words of the Arabic seed documents, in their order (so with their frequencies). */
    private static final List<String> PROSE = prose();

    private final SplittableRandom random;

    public LibraryDemoData(long seed) {
        this.random = new SplittableRandom(seed);
    }

    private static List<String> prose() {
        try (java.io.InputStream in = LibraryDemoData.class.getResourceAsStream("/demo/arabic-words.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(w -> w.replaceAll("[\\p{Punct}،؛؟«»]", "").strip()).filter(w -> w.length() > 1).toList();
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("demo/arabic-words.txt missing from the bundle", e);
        }
    }

    /** {@code count} consecutive words of the prose, some spelled the way older records have them. */
    String phrase(int count) {
        int start = random.nextInt(PROSE.size() - count);
        StringBuilder phrase = new StringBuilder();
        for (int i = 0; i < count; i++) {
            phrase.append(i == 0 ? "" : " ").append(variant(PROSE.get(start + i)));
        }
        return phrase.toString();
    }

    /** What a reader types: one to three words of the prose, spelled some way or other, or a subject's name. */
    public String query() {
        return random.nextInt(5) == 0 ? variant(SUBJECTS.get(random.nextInt(SUBJECTS.size()))[0]) : phrase(1 + random.nextInt(3));
    }

    /** Every authority of the demonstration, in a stable order: member states, bodies, subjects, then {@code persons} authors. */
    public List<AuthorityDraft> authorities(int persons) {
        List<AuthorityDraft> all = new ArrayList<>();
        Countries countries = Countries.standard();
        for (String code : MEMBER_STATES) {
            all.add(new AuthorityDraft(AuthorityKind.COUNTRY, LocalizedText.of(countries.name(code, Language.AR), countries.name(code, Language.EN),
                    countries.name(code, Language.FR)), List.of(), null, List.of()));
        }
        for (String[] body : BODIES) {
            all.add(new AuthorityDraft(AuthorityKind.BODY, LocalizedText.of(body[0], body[1], body[2]), body[3].isEmpty() ? List.of() : List.of(body[3]),
                    null, List.of()));
        }
        for (String[] subject : SUBJECTS) {
            all.add(new AuthorityDraft(AuthorityKind.SUBJECT, LocalizedText.of(subject[0], subject[1], subject[2]), List.of(), null, List.of()));
        }
        for (int i = 0; i < persons; i++) {
            String[] first = FIRST[i % FIRST.length];
            String[] last = LAST[(i / FIRST.length) % LAST.length];
            String suffix = i < FIRST.length * LAST.length ? "" : " " + (i / (FIRST.length * LAST.length) + 1);
            String ar = first[0] + " " + last[0] + suffix;
            // the spelling met in older documents: hamza-less alef, yaa for alef maqsura
            String variant = ar.replace('أ', 'ا').replace('إ', 'ا').replace('ى', 'ي');
            all.add(new AuthorityDraft(AuthorityKind.PERSON, LocalizedText.of(ar, first[1] + " " + last[1] + suffix, null),
                    variant.equals(ar) ? List.of() : List.of(variant), null, List.of()));
        }
        return all;
    }

    /**
     * One description naming authorities by id: {@code ids} maps each authority of {@link #authorities} (by its
     * position) to its stored id.
     */
    public RecordDraft record(int number, List<String> ids, int persons) {
        int countries = MEMBER_STATES.size();
        int bodies = BODIES.size();
        int subjects = SUBJECTS.size();
        int subjectIndex = random.nextInt(subjects);
        String[] subject = SUBJECTS.get(subjectIndex);
        List<AuthorityLink> links = new ArrayList<>();
        RecordType type = type();
        int year = 1945 + random.nextInt(82);
        LocalDate issued = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        Titles title;
        String symbol = null;
        String session = null;
        String language = "ar";
        if (type == RecordType.LEAGUE_DOCUMENT) {
            int body = random.nextInt(bodies);
            links.add(new AuthorityLink(Role.BODY, ids.get(countries + body)));
            String[] kind = DOCUMENT_KINDS[random.nextInt(DOCUMENT_KINDS.length)];
            title = new Titles(kind[0] + " " + variant(subject[0]), kind[1] + " " + subject[1].toLowerCase(java.util.Locale.ROOT),
                    random.nextInt(3) == 0 ? kind[2] + " " + subject[2].toLowerCase(java.util.Locale.ROOT) : null);
            int sessionNumber = (year - 1945) * 2 + 1 + random.nextInt(2);
            symbol = "ق." + (body + 1) + ": " + (1000 + number) + " د.ع (" + sessionNumber + ")";
            session = "الدورة العادية " + sessionNumber;
        } else {
            String[] kind = BOOK_KINDS[random.nextInt(BOOK_KINDS.length)];
            int lang = random.nextInt(10);
            language = lang < 7 ? "ar" : lang < 9 ? "en" : "fr";
            title = switch (language) {
                case "en" -> new Titles(null, kind[1] + " " + subject[1].toLowerCase(java.util.Locale.ROOT), null);
                case "fr" -> new Titles(null, null, kind[2] + " " + subject[2].toLowerCase(java.util.Locale.ROOT));
                default -> new Titles(kind[0] + " " + phrase(2 + random.nextInt(4)), null, null);
            };
            links.add(new AuthorityLink(Role.AUTHOR, ids.get(countries + bodies + subjects + random.nextInt(persons))));
            issued = type == RecordType.PHOTOGRAPH || type == RecordType.FILM ? issued : null;
        }
        links.add(new AuthorityLink(Role.SUBJECT, ids.get(countries + bodies + subjectIndex)));
        if (random.nextInt(2) == 0) {
            links.add(new AuthorityLink(Role.COUNTRY, ids.get(random.nextInt(countries))));
        }
        int access = random.nextInt(100);
        String summary = random.nextInt(2) == 0 ? phrase(15 + random.nextInt(40)) : null;
        return new RecordDraft(type, title, symbol, session, issued, year, language, type.bibliographic() ? "جامعة الدول العربية" : null,
                "القاهرة", null, null, "LAS/" + (number + 1), summary, access < 85 ? AccessLevel.PUBLIC : access < 97 ? AccessLevel.STAFF
                        : AccessLevel.RESTRICTED, null, links);
    }

    private RecordType type() {
        int roll = random.nextInt(100);
        if (roll < 45) {
            return RecordType.LEAGUE_DOCUMENT;
        }
        if (roll < 75) {
            return RecordType.BOOK;
        }
        RecordType[] others = {RecordType.PERIODICAL, RecordType.MANUSCRIPT, RecordType.RARE_BOOK, RecordType.PHOTOGRAPH, RecordType.FILM,
                RecordType.TAPE};
        return others[random.nextInt(others.length)];
    }

    /** One text in five is written the way older records and hurried readers have it. */
    private String variant(String text) {
        return switch (random.nextInt(10)) {
            case 0 -> text.replace('أ', 'ا').replace('إ', 'ا').replace('آ', 'ا');
            case 1 -> text.replace('ة', 'ه');
            default -> text;
        };
    }
}
