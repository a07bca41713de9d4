package org.diwan.library.internal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.diwan.api.i18n.Language;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.api.validation.Validation;
import org.diwan.library.internal.LibraryFixture;
import org.diwan.library.internal.authority.Authority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue on a real Derby and the real search service: descriptions, their authorities, what each viewer finds. */
class CatalogueTest {

    @TempDir
    Path folder;
    private LibraryFixture library;
    private Authority council;
    private Authority egypt;
    private Authority water;
    private Authority author;

    @BeforeEach
    void open() throws Exception {
        library = new LibraryFixture(folder);
        council = library.authority("BODY", "مجلس جامعة الدول العربية", "Council of the League of Arab States", "Conseil de la Ligue des États arabes",
                "مجلس الجامعة");
        egypt = library.authority("COUNTRY", "مصر", "Egypt", "Égypte", "جمهورية مصر العربية");
        water = library.authority("SUBJECT", "الأمن المائي", "Water security", "Sécurité hydrique");
        author = library.authority("PERSON", "أحمد شوقي", "Ahmed Shawqi", null, "احمد شوقى");
    }

    @AfterEach
    void close() {
        library.close();
    }

    private static Map<String, String> resolution(String titleAr, String access) {
        Map<String, String> f = new HashMap<>();
        f.put("type", "LEAGUE_DOCUMENT");
        f.put("titleAr", titleAr);
        f.put("symbol", "ق.ق: 245 د.ع (15) - 2003/3/24");
        f.put("session", "الدورة العادية الخامسة عشرة");
        f.put("issuedOn", "2003-03-24");
        f.put("language", "ar");
        f.put("access", access);
        return f;
    }

    @Test
    void aResolutionIsFoundByAnArabicVariantOfItsTitleAndItsBodysOtherNames() throws Exception {
        Map<String, String> f = resolution("قرار بشأن الأمن المائي العربي", "PUBLIC");
        f.put("body", council.id());
        f.put("country", egypt.id());
        f.put("subject", water.id());
        CatalogueRecord created = library.record(f);

        assertThat(created.year()).isEqualTo(2003);
        assertThat(created.links()).extracting(AuthorityLink::role).containsExactly(Role.BODY, Role.COUNTRY, Role.SUBJECT);
        for (String words : List.of("الامن المائى", "قرارات المائي", "مجلس الجامعه", "Egypt", "Égypte", "جمهوريه مصر", "council league")) {
            assertThat(library.catalogue.search(CatalogueQuery.words(words), Viewer.PUBLIC, Language.AR).records())
                    .as(words).extracting(CatalogueRecord::id).containsExactly(created.id());
        }
        assertThat(library.audited.actions()).contains("library.record.create");
    }

    @Test
    void aRecordsYearIsFoundByFreeTextInWesternAndArabicIndicDigits() throws Exception {
        Map<String, String> f = resolution("تقرير عن التعاون الثقافي", "PUBLIC");
        f.put("symbol", "ق.ق: 612");
        f.put("issuedOn", "2007-05-01");
        f.put("body", council.id());
        CatalogueRecord report = library.record(f);

        for (String words : List.of("2007", "\u0662\u0660\u0660\u0667", "تقرير \u0662\u0660\u0660\u0667", "\u06F2\u06F0\u06F0\u06F7")) {
            assertThat(library.catalogue.search(CatalogueQuery.words(words), Viewer.PUBLIC, Language.AR).records()).as(words)
                    .extracting(CatalogueRecord::id).containsExactly(report.id());
        }
        assertThat(library.catalogue.search(CatalogueQuery.words("2008"), Viewer.PUBLIC, Language.AR).total()).isZero();
    }

    @Test
    void eachViewerFindsOnlyWhatItMaySeeAndFacetsCountOnlyThat() throws Exception {
        for (String access : List.of("PUBLIC", "PUBLIC", "STAFF", "RESTRICTED")) {
            Map<String, String> f = resolution("تقرير الأمين العام", access);
            f.put("body", council.id());
            library.record(f);
        }

        CatalogueHits publicly = library.catalogue.search(CatalogueQuery.words("تقرير"), Viewer.PUBLIC, Language.EN);
        assertThat(publicly.total()).isEqualTo(2);
        assertThat(publicly.records()).allMatch(r -> r.access() == AccessLevel.PUBLIC);
        assertThat(publicly.facets().get("body")).containsExactly(new CatalogueHits.FacetValue(council.id(),
                "Council of the League of Arab States", 2));
        assertThat(library.catalogue.search(CatalogueQuery.words("تقرير"), Viewer.STAFF, Language.AR).total()).isEqualTo(3);
        assertThat(library.catalogue.search(CatalogueQuery.words("تقرير"), Viewer.RESTRICTED, Language.AR).total()).isEqualTo(4);
    }

    @Test
    void facetsNarrowAndYearsBound() throws Exception {
        for (int year = 1990; year < 2000; year++) {
            Map<String, String> f = resolution("قرار", "PUBLIC");
            f.put("body", council.id());
            f.put("issuedOn", year + "-01-15");
            f.put("subject", year % 2 == 0 ? water.id() : "");
            library.record(f);
        }

        CatalogueHits even = library.catalogue.search(new CatalogueQuery("قرار", Map.of(), Map.of("subject", List.of(water.id())), 1994, null,
                true, 0, 20), Viewer.PUBLIC, Language.AR);
        assertThat(even.records()).extracting(CatalogueRecord::year).containsExactly(1998, 1996, 1994);
        assertThat(even.facets().get("year")).extracting(CatalogueHits.FacetValue::count).containsOnly(1L);
    }

    @Test
    void anEditOnAnOldVersionIsRefusedAndTheIndexFollowsEdits() throws Exception {
        Map<String, String> f = resolution("مسودة أولى", "PUBLIC");
        f.put("body", council.id());
        CatalogueRecord created = library.record(f);
        f.put("titleAr", "النص المعتمد");

        CatalogueRecord saved = library.catalogue.update(created.id(), created.version(), f, new Validation(), "editor", "::1").orElseThrow();
        assertThat(saved.version()).isEqualTo(2);
        assertThatThrownBy(() -> library.catalogue.update(created.id(), created.version(), f, new Validation(), "late", "::1"))
                .isInstanceOf(StaleEditException.class);
        assertThat(library.catalogue.search(CatalogueQuery.words("مسوده"), Viewer.PUBLIC, Language.AR).total()).isZero();
        assertThat(library.catalogue.search(CatalogueQuery.words("المعتمد"), Viewer.PUBLIC, Language.AR).total()).isEqualTo(1);
    }

    @Test
    void badDescriptionsAreRefusedFieldByFieldAndNothingIsStored() throws Exception {
        Map<String, String> f = new HashMap<>();
        f.put("type", "LEAGUE_DOCUMENT");
        f.put("language", "arabic!");
        f.put("access", "SECRET");
        f.put("year", "3000");
        f.put("subject", egypt.id());            // a country is no subject
        f.put("country", "not-an-id");
        Validation v = new Validation();

        assertThat(library.catalogue.create(f, v, "x", "::1")).isEmpty();
        assertThat(v.errors()).containsKeys("titleAr", "language", "access", "year", "body", "country");
        Validation kinds = new Validation();
        Map<String, String> wrongKind = resolution("قرار", "PUBLIC");
        wrongKind.put("body", council.id());
        wrongKind.put("subject", egypt.id());
        assertThat(library.catalogue.create(wrongKind, kinds, "x", "::1")).isEmpty();
        assertThat(kinds.errors().get("subject").messageKey()).isEqualTo("library.validation.authority-kind");
        assertThat(library.catalogue.search(CatalogueQuery.words(""), Viewer.RESTRICTED, Language.AR).total()).isZero();
    }

    @Test
    void authoritiesAreNamedAsTypedAndAnUnknownOrAmbiguousNameIsRefused() throws Exception {
        Map<String, String> f = resolution("قرار", "PUBLIC");
        f.put("body", "مجلس الجامعه");                       // a variant, spelled with haa
        f.put("country", "Égypte\nجمهوريه مصر العربيه");       // two names of one authority: linked once
        f.put("author", "احمد شوقي");
        CatalogueRecord created = library.record(f);
        assertThat(created.authorityIds(Role.BODY)).containsExactly(council.id());
        assertThat(created.authorityIds(Role.COUNTRY)).containsExactly(egypt.id());
        assertThat(created.authorityIds(Role.AUTHOR)).containsExactly(author.id());

        library.authority("PERSON", "محمد علي", null, null);
        library.authority("PERSON", "محمد علي", "Muhammad Ali", null);
        Map<String, String> bad = resolution("قرار", "PUBLIC");
        bad.put("body", "مجلس لا وجود له");
        bad.put("author", "محمد علي");
        Validation v = new Validation();
        assertThat(library.catalogue.create(bad, v, "x", "::1")).isEmpty();
        assertThat(v.errors().get("body").messageKey()).isEqualTo("library.validation.authority-unknown");
        assertThat(v.errors().get("body").args()).containsExactly("مجلس لا وجود له");
        assertThat(v.errors().get("author").messageKey()).isEqualTo("library.validation.authority-ambiguous");
    }

    @Test
    void anIssueBelongsToAPeriodical() throws Exception {
        CatalogueRecord periodical = library.record(Map.of("type", "PERIODICAL", "titleAr", "شؤون عربية", "language", "ar", "access", "PUBLIC"));
        CatalogueRecord book = library.record(Map.of("type", "BOOK", "titleEn", "Arab Affairs", "language", "en", "access", "PUBLIC",
                "author", author.id()));

        CatalogueRecord issue = library.record(Map.of("type", "ISSUE", "titleAr", "شؤون عربية، العدد 190", "language", "ar", "access", "PUBLIC",
                "parent", periodical.id(), "year", "2022"));
        assertThat(issue.parentId()).isEqualTo(periodical.id());
        Validation v = new Validation();
        assertThat(library.catalogue.create(Map.of("type", "ISSUE", "titleAr", "عدد", "language", "ar", "access", "PUBLIC", "parent", book.id()),
                v, "x", "::1")).isEmpty();
        assertThat(v.errors()).containsKey("parent");
        // the author's variant spelling finds the book
        assertThat(library.catalogue.search(CatalogueQuery.words("احمد شوقى"), Viewer.PUBLIC, Language.AR).records())
                .extracting(CatalogueRecord::id).containsExactly(book.id());
    }
}
