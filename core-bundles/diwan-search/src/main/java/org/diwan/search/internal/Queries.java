package org.diwan.search.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.diwan.api.i18n.Language;
import org.diwan.api.search.NumberRange;
import org.diwan.api.search.SearchQuery;

/**
 * Turns a {@link SearchQuery} into a Lucene query. Words are parsed by Lucene's simple query syntax, which
 * never fails on what a user types, and each word is looked for in the Arabic, English and French analysis of
 * the fields at once (the best match counts): a user need not say which language a word is in.
 */
final class Queries {

    private final Analyzer analysis;

    Queries(Analyzer analysis) {
        this.analysis = analysis;
    }

    Query toLucene(SearchQuery query) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean scored = false;
        if (!query.text().isBlank()) {
            all.add(words(query.text(), f -> Fields.all(f)), Occur.MUST);
            scored = true;
        }
        for (Map.Entry<String, String> field : query.fieldTexts().entrySet()) {
            all.add(words(field.getValue(), language -> Fields.text(field.getKey(), language)), Occur.MUST);
            scored = true;
        }
        for (Map.Entry<String, Set<String>> filter : query.filters().entrySet()) {
            BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
            for (String value : filter.getValue()) {
                anyOf.add(new TermQuery(new Term(Fields.keyword(filter.getKey()), value)), Occur.SHOULD);
            }
            all.add(anyOf.build(), Occur.FILTER);
        }
        for (Map.Entry<String, NumberRange> range : query.ranges().entrySet()) {
            NumberRange r = range.getValue();
            all.add(LongPoint.newRangeQuery(Fields.number(range.getKey()), r.min() == null ? Long.MIN_VALUE : r.min(),
                    r.max() == null ? Long.MAX_VALUE : r.max()), Occur.FILTER);
        }
        if (!scored) {
            all.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return all.build();
    }

    private Query words(String text, java.util.function.Function<Language, String> fieldOf) {
        Map<String, Float> fields = new LinkedHashMap<>();
        for (Language language : Fields.EVERY_LANGUAGE) {
            fields.put(fieldOf.apply(language), 1f);
        }
        SimpleQueryParser parser = new SimpleQueryParser(analysis, fields);
        parser.setDefaultOperator(Occur.MUST);
        Query parsed = parser.parse(text);
        // only stop words or punctuation: nothing can match them, rather than everything
        return parsed == null ? new MatchNoDocsQuery("no searchable word in: " + text) : parsed;
    }
}
