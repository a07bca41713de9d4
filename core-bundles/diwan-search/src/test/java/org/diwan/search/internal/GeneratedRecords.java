package org.diwan.search.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.diwan.api.i18n.Language;
import org.diwan.api.search.SearchDocument;

/**
 * Library-like records for the search bench: Arabic titles cut from the seed documents' prose with the
 * spelling variants people type (hamza forms, taa marbuta as haa, alef maqsura as yaa, tatweel, diacritics),
 * English and French titles on half and a third of them, authors, holdings types, bodies, subjects, years and
 * access levels. The same seed gives the same records.
 */
final class GeneratedRecords {

    static final List<String> TYPES = List.of("league-document", "book", "periodical", "issue", "photograph", "film", "tape",
            "manuscript", "rare-book");
    static final List<String> BODIES = List.of("summit", "league-council", "economic-social-council", "ministerial-council-health",
            "ministerial-council-education", "ministerial-council-justice", "standing-committee-legal", "standing-committee-media");
    private static final List<String> SUBJECTS = List.of("economy", "health", "education", "culture", "law", "media", "women",
            "youth", "environment", "water", "energy", "trade", "agriculture", "transport", "tourism", "refugees", "human-rights",
            "statistics", "information-technology", "security", "labour", "social-affairs", "housing", "sport", "heritage",
            "libraries", "archives", "translation", "diplomacy", "treaties", "elections", "population", "migration", "food",
            "finance", "investment", "industry", "telecommunications", "science", "research");
    private static final List<String> ENGLISH = List.of("resolution", "resolutions", "council", "summit", "economic", "social",
            "cooperation", "development", "report", "annual", "meeting", "meetings", "session", "committee", "ministers",
            "education", "health", "Arab", "League", "member", "states", "regional", "strategy", "plan", "action", "water",
            "security", "women", "youth", "culture", "heritage", "library", "documents", "archives", "translation", "media",
            "statement", "declaration", "final", "communique", "agreement", "convention", "protocol", "organization");
    private static final List<String> FRENCH = List.of("résolution", "résolutions", "conseil", "sommet", "économique", "sociale",
            "coopération", "développement", "rapport", "annuel", "réunion", "réunions", "session", "comité", "ministres",
            "éducation", "santé", "arabe", "Ligue", "États", "membres", "régionale", "stratégie", "plan", "eau", "sécurité",
            "femmes", "jeunesse", "culture", "patrimoine", "bibliothèque", "archives", "traduction", "déclaration", "accord",
            "convention", "l'organisation", "d'action");
    private static final List<String> FIRST_NAMES = List.of("أحمد", "محمد", "علي", "فاطمة", "عائشة", "مصطفى", "إبراهيم",
            "يوسف", "ليلى", "سلمى", "عبد الله", "خالد", "هدى", "نادية", "طه", "إسماعيل", "مريم", "حسن", "زينب", "عمر");
    private static final List<String> LAST_NAMES = List.of("الأحمد", "القاسمي", "العربي", "المصري", "التونسي", "الحسيني",
            "الإدريسي", "الشامي", "البغدادي", "الأنصاري", "السوداني", "الجزائري", "المغربي", "الكويتي", "العماني", "الليبي",
            "اليمني", "الأردني", "الفلسطيني", "اللبناني");

    private final List<String> words;
    private final SplittableRandom random;

    GeneratedRecords(Path wordsFile, long seed) throws IOException {
        this.words = Files.readAllLines(wordsFile, StandardCharsets.UTF_8).stream()
                .map(w -> w.replaceAll("[\\p{Punct}،؛؟«»]", "").strip()).filter(w -> w.length() > 1).toList();
        this.random = new SplittableRandom(seed);
    }

    SearchDocument record(long number) {
        SearchDocument.Builder record = SearchDocument.builder("rec-" + number);
        record.text("title", variantPhrase(4 + random.nextInt(6)), Language.AR);
        if (random.nextInt(2) == 0) {
            record.text("title", pick(ENGLISH, 4 + random.nextInt(5)), Language.EN);
        }
        if (random.nextInt(3) == 0) {
            record.text("title", pick(FRENCH, 4 + random.nextInt(5)), Language.FR);
        }
        record.text("author", FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size())) + " " + LAST_NAMES.get(random.nextInt(LAST_NAMES.size())));
        long year = 1945 + random.nextInt(82);
        String type = TYPES.get(skewed(TYPES.size()));
        record.keyword("type", type).keyword("year", Long.toString(year)).number("year", year);
        if (type.equals("league-document")) {
            record.keyword("body", BODIES.get(random.nextInt(BODIES.size())));
        }
        record.keyword("language", random.nextInt(10) < 7 ? "ar" : random.nextInt(2) == 0 ? "en" : "fr");
        record.keyword("subject", SUBJECTS.get(skewed(SUBJECTS.size()))).keyword("subject", SUBJECTS.get(random.nextInt(SUBJECTS.size())));
        int access = random.nextInt(100);
        record.keyword("access", access < 80 ? "public" : access < 95 ? "staff" : "restricted");
        return record.build();
    }

    /** What a user types: one to three words of the prose, spelled some way or other. */
    String query() {
        int count = 1 + random.nextInt(3);
        StringBuilder query = new StringBuilder();
        int start = random.nextInt(words.size() - count);
        for (int i = 0; i < count; i++) {
            query.append(i == 0 ? "" : " ").append(variant(words.get(start + i)));
        }
        return query.toString();
    }

    private String variantPhrase(int count) {
        int start = random.nextInt(words.size() - count);
        StringBuilder phrase = new StringBuilder();
        for (int i = 0; i < count; i++) {
            phrase.append(i == 0 ? "" : " ").append(variant(words.get(start + i)));
        }
        return phrase.toString();
    }

    private String variant(String word) {
        if (random.nextInt(5) != 0) {
            return word;
        }
        return switch (random.nextInt(5)) {
            case 0 -> word.replace('أ', 'ا').replace('إ', 'ا').replace('آ', 'ا');
            case 1 -> word.endsWith("ة") ? word.substring(0, word.length() - 1) + "ه" : word;
            case 2 -> word.endsWith("ى") ? word.substring(0, word.length() - 1) + "ي" : word;
            case 3 -> word.length() > 2 ? word.substring(0, 2) + "ـــ" + word.substring(2) : word;
            default -> word.length() > 1 ? word.charAt(0) + "َ" + word.substring(1) : word;
        };
    }

    private String pick(List<String> vocabulary, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(vocabulary.get(random.nextInt(vocabulary.size())));
        }
        return text.toString();
    }

    /** Early values more often, as real collections have more books than rare books. */
    private int skewed(int size) {
        return Math.min(size - 1, (int) Math.floor(-Math.log(1 - random.nextDouble()) * size / 3));
    }
}
