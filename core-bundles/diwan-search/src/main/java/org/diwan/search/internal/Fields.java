package org.diwan.search.internal;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.diwan.api.i18n.Language;
import org.diwan.api.search.SearchDocument;
import org.diwan.api.search.SearchText;

/**
 * The Lucene fields a {@link SearchDocument} becomes, and their names:
 * <ul>
 * <li>{@code id}: the record's id, the key of updates and deletes, and as doc values what a search returns (reading a
 * stored field decompresses a block per hit; doc values are read in place);</li>
 * <li>{@code all.<lang>}: every text of the document analysed in that language, for plain searches;</li>
 * <li>{@code t.<field>.<lang>}: one text field, for advanced searches;</li>
 * <li>{@code k.<field>}: keyword values, for filters; the same values as facets ({@link #FACETS}), each keyword field
 * in a doc values field of its own ({@link #facetField}), so that a search counts only the facets it asks for;</li>
 * <li>{@code n.<field>}: numbers as points (ranges) and doc values (sorting).</li>
 * </ul>
 */
final class Fields {

    /** Bumped whenever the fields a document becomes change, so that indexes with the older ones are rebuilt. */
    static final int VERSION = 2;

    static final String ID = "id";
    static final List<Language> EVERY_LANGUAGE = List.of(Language.AR, Language.EN, Language.FR);
    /** Text in Latin script with no language given is found by English and French stems alike. */
    private static final List<Language> LATIN = List.of(Language.EN, Language.FR);

    /**
     * Every keyword may repeat; filters use the {@code k.} terms, so no drill-down terms are written. Each keyword
     * field's values go to a doc values field of their own: in one shared field, counting three facets read and
     * counted the values of all of them (authors, years, bodies...) for every match.
     */
    static final FacetsConfig FACETS = new FacetsConfig() {
        private final java.util.Map<String, DimConfig> dims = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public DimConfig getDimConfig(String dim) {
            return dims.computeIfAbsent(dim, d -> {
                DimConfig config = new DimConfig();
                config.multiValued = true;
                config.drillDownTermsIndexing = DrillDownTermsIndexing.NONE;
                config.indexFieldName = facetField(d);
                return config;
            });
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

    /** The doc values field holding a keyword field's values for counting. */
    static String facetField(String field) {
        return "f." + field;
    }

    static Document toLucene(SearchDocument source, Analyzer analysis) throws java.io.IOException {
        Document doc = new Document();
        doc.add(new StringField(ID, source.id(), Field.Store.NO));
        doc.add(new BinaryDocValuesField(ID, new BytesRef(source.id())));
        for (SearchText text : source.texts()) {
            for (Language language : languagesOf(text)) {
                // both fields analyse the text in the same language's chain: once is enough
                AnalyzedText tokens = AnalyzedText.of(analysis, all(language), text.text());
                doc.add(tokens.field(all(language)));
                doc.add(tokens.field(text(text.field(), language)));
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
            char c = text.charAt(i);
            // the script lookup is a search in a table: only characters of the Arabic blocks are worth it
            if (c >= '\u0600' && Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC && Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }
}
