package org.diwan.library.internal.authority;

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
import org.diwan.library.internal.catalogue.CatalogueQuery;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authority control on a real Derby and the real search service: trilingual names, see also, merges that keep links. */
class AuthoritiesTest {

    @TempDir
    Path folder;
    private LibraryFixture library;

    @BeforeEach
    void open() throws Exception {
        library = new LibraryFixture(folder);
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void anAuthorityIsFoundByAnyOfItsNamesInAnyLanguage() throws Exception {
        Authority alecso = library.authority("BODY", "المنظمة العربية للتربية والثقافة والعلوم", "Arab League Educational, Cultural and"
                + " Scientific Organization", "Organisation arabe pour l'éducation, la culture et les sciences", "الألكسو", "ALECSO");
        library.authority("BODY", "مجلس الوحدة الاقتصادية العربية", "Council of Arab Economic Unity", null);

        for (String words : List.of("الالكسو", "alecso", "التربيه والثقافه", "educational", "l'éducation")) {
            assertThat(library.authorities.find(words, AuthorityKind.BODY, 10)).as(words).extracting(Authority::id).containsExactly(alecso.id());
        }
        assertThat(library.authorities.find("alecso", AuthorityKind.PERSON, 10)).isEmpty();
    }

    @Test
    void seeAlsoLinksGoBothWaysAndAnUnknownOneIsRefused() throws Exception {
        Authority summit = library.authority("BODY", "مؤتمر القمة العربي", "Arab Summit", "Sommet arabe");
        Map<String, String> f = new HashMap<>(Map.of("kind", "BODY", "nameAr", "مجلس الجامعة على مستوى القمة", "related", summit.id()));
        Authority council = library.authorities.create(f, new Validation(), "x", "::1").orElseThrow();

        assertThat(council.related()).containsExactly(summit.id());
        assertThat(library.authorities.get(summit.id()).orElseThrow().related()).containsExactly(council.id());
        Validation v = new Validation();
        f.put("related", "00000000-0000-0000-0000-000000000000");
        assertThat(library.authorities.create(f, v, "x", "::1")).isEmpty();
        assertThat(v.errors()).containsKey("related");
    }

    @Test
    void mergingADuplicateMovesEveryLinkKeepsItsNamesAsVariantsAndLeavesAPointer() throws Exception {
        Authority kept = library.authority("PERSON", "طه حسين", "Taha Hussein", "Taha Hussein");
        Authority duplicate = library.authority("PERSON", "طة حسين", "Taha Husayn", null);
        CatalogueRecord byDuplicate = library.record(Map.of("type", "BOOK", "titleAr", "الأيام", "language", "ar", "access", "PUBLIC",
                "author", duplicate.id()));
        CatalogueRecord byBoth = library.record(Map.of("type", "BOOK", "titleAr", "في الشعر الجاهلي", "language", "ar", "access", "PUBLIC",
                "author", kept.id() + "," + duplicate.id()));

        List<String> changed = library.authorities.merge(duplicate.id(), kept.id(), "librarian", "::1");

        assertThat(changed).containsExactlyInAnyOrder(byDuplicate.id(), byBoth.id());
        assertThat(library.recordStore.get(byDuplicate.id()).orElseThrow().authorityIds(org.diwan.library.internal.catalogue.Role.AUTHOR)).containsExactly(kept.id());
        assertThat(library.recordStore.get(byBoth.id()).orElseThrow().authorityIds(org.diwan.library.internal.catalogue.Role.AUTHOR)).containsExactly(kept.id());
        Authority after = library.authorities.get(kept.id()).orElseThrow();
        assertThat(after.variants()).contains("طة حسين", "Taha Husayn");
        assertThat(library.authorities.get(duplicate.id()).orElseThrow().mergedInto()).isEqualTo(kept.id());
        // the duplicate is no longer offered, and the books are found by its old spelling and facet on the one kept
        assertThat(library.authorities.find("Husayn", AuthorityKind.PERSON, 10)).extracting(Authority::id).containsExactly(kept.id());
        var hits = library.catalogue.search(CatalogueQuery.words("Husayn"), Viewer.PUBLIC, Language.EN);
        assertThat(hits.total()).isEqualTo(2);
        assertThat(hits.facets().get("author")).extracting(f -> f.value()).containsExactly(kept.id());
        assertThat(library.audited.actions()).contains("library.authority.merge");
    }

    @Test
    void similarAuthoritiesOfTheSameKindAreTheCandidatesForAMerge() throws Exception {
        Authority taha = library.authority("PERSON", "طه حسين", "Taha Hussein", null);
        Authority longer = library.authority("PERSON", "طه حسين علي سلامة", "Taha Husayn (1889-1973)", null);
        library.authority("SUBJECT", "طه حسين: دراسات", null, null);
        library.authority("PERSON", "نجيب محفوظ", null, null);

        assertThat(library.authorities.similar(longer, 5)).extracting(Authority::id).containsExactly(taha.id());
    }

    @Test
    void mergesAcrossKindsIntoItselfOrTwiceAreRefused() throws Exception {
        Authority person = library.authority("PERSON", "نجيب محفوظ", null, null);
        Authority country = library.authority("COUNTRY", "مصر", "Egypt", null);
        Authority other = library.authority("PERSON", "نجيب محفوظ عبد العزيز", null, null);

        assertThatThrownBy(() -> library.authorities.merge(person.id(), country.id(), "x", "::1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> library.authorities.merge(person.id(), person.id(), "x", "::1")).isInstanceOf(IllegalArgumentException.class);
        library.authorities.merge(other.id(), person.id(), "x", "::1");
        assertThatThrownBy(() -> library.authorities.merge(other.id(), person.id(), "x", "::1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("merged already");
    }

    @Test
    void anEditOnAnOldVersionIsRefused() throws Exception {
        Authority a = library.authority("SUBJECT", "التعليم", "Education", "Éducation");
        Map<String, String> f = Map.of("kind", "SUBJECT", "nameAr", "التربية والتعليم", "nameEn", "Education", "nameFr", "Éducation");

        library.authorities.update(a.id(), a.version(), f, new Validation(), "x", "::1").orElseThrow();
        assertThatThrownBy(() -> library.authorities.update(a.id(), a.version(), f, new Validation(), "y", "::1"))
                .isInstanceOf(StaleEditException.class);
    }
}
