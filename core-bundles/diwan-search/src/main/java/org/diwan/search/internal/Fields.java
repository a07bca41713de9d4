package org.diwan.search.internal;

import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.diwan.api.i18n.Language;
import org.diwan.api.search.SearchDocument;
import org.diwan.api.search.SearchText;

/**
 * The Lucene fields a {@link SearchDocument} becomes, and their names:
 * <ul>
 * <li>{@code id}: the record's id, stored, the key of updates and deletes;</li>
 * <li>{@code all.<lang>}: every text of the document analysed in that language, for plain searches;</li>
 * <li>{@code t.<field>.<lang>}: one text field, for advanced searches;</li>
 * <li>{@code k.<field>}: keyword values, for filters; the same values as facets ({@link #FACETS});</li>
 * <li>{@code n.<field>}: numbers as points (ranges) and doc values (sorting).</li>
 * </ul>
 */
final class Fields {

    static final String ID = "id";
    static final List<Language> EVERY_LANGUAGE = List.of(Language.AR, Language.EN, Language.FR);
    /** Text in Latin script with no language given is found by English and French stems alike. */
    private static final List<Language> LATIN = List.of(Language.EN, Language.FR);

    /** Every keyword may repeat; filters use the {@code k.} terms, so no drill-down terms are written. */
    static final FacetsConfig FACETS = new FacetsConfig() {
        @Override
        protected DimConfig getDefaultDimConfig() {
            DimConfig config = new DimConfig();
            config.multiValued = true;
            config.drillDownTermsIndexing = DrillDownTermsIndexing.NONE;
            return config;
        }
    };

    private Fields() {
    }

    static String all(Language language) {
        return "all." + language.tag();
    }

    static String text(String field, Language language) {
        return "t." + field + "." + language.tag();
    }

    static String keyword(String field) {
        return "k." + field;
    }

    static String number(String field) {
        return "n." + field;
    }

    static Document toLucene(SearchDocument source) throws java.io.IOException {
        Document doc = new Document();
        doc.add(new StringField(ID, source.id(), Field.Store.YES));
        for (SearchText text : source.texts()) {
            for (Language language : languagesOf(text)) {
                doc.add(new TextField(all(language), text.text(), Field.Store.NO));
                doc.add(new TextField(text(text.field(), language), text.text(), Field.Store.NO));
            }
        }
        source.keywords().forEach((field, values) -> {
            for (String value : values) {
                doc.add(new StringField(keyword(field), value, Field.Store.NO));
                doc.add(new SortedSetDocValuesFacetField(field, value));
            }
        });
        source.numbers().forEach((field, value) -> {
            doc.add(new LongPoint(number(field), value));
            doc.add(new NumericDocValuesField(number(field), value));
        });
        return FACETS.build(doc);
    }

    static List<Language> languagesOf(SearchText text) {
        if (text.language() != null) {
            return List.of(text.language());
        }
        return hasArabicLetter(text.text()) ? List.of(Language.AR) : LATIN;
    }

    private static boolean hasArabicLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.ARABIC && Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
