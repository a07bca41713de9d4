package org.diwan.search.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.diwan.api.i18n.ArabicText;
import org.diwan.api.i18n.Language;

/**
 * How text becomes searchable terms, per language. Every chain splits words by Unicode rules, folds them as
 * {@link ArabicText#fold} does (after dropping stop words) and stems:
 * <ul>
 * <li>Arabic: Lucene's light stemmer (the article and conjunctions {@code ال و بال كال فال لل}, the endings
 * {@code ها ان ات ون ين يه ية ه ة ي}), so plurals and singulars, {@code المكتبة} and {@code مكتبات}, meet;</li>
 * <li>English: possessives, then Porter;</li>
 * <li>French: elisions ({@code l'}, {@code d'}), then the light stemmer.</li>
 * </ul>
 * A field's language is the suffix of its name ({@code all.ar}, {@code title.fr}).
 */
final class Analysis extends DelegatingAnalyzerWrapper {

    /** Bumped whenever a chain changes, so that indexes built by an older one are rebuilt. */
    static final int VERSION = 1;

    /**
     * The stop words of all three languages, in every chain: a query's words are looked for in every language's
     * analysis at once, and a word dropped in one but kept in another would be required where it was never
     * indexed. The price: the few English words that are French stop words ({@code son}) are not searchable.
     */
    private static final CharArraySet STOP_WORDS = stopWords();

    private final Analyzer arabic = chain(Language.AR);
    private final Analyzer english = chain(Language.EN);
    private final Analyzer french = chain(Language.FR);

    Analysis() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    /** Field name to chain: asked for every field of every document indexed, so not worked out from the name each time. */
    private final java.util.Map<String, Analyzer> byField = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        Analyzer known = byField.get(fieldName);
        return known != null ? known : byField.computeIfAbsent(fieldName, this::chainOf);
    }

    private Analyzer chainOf(String fieldName) {
        return switch (languageOf(fieldName)) {
            case AR -> arabic;
            case EN -> english;
            case FR -> french;
        };
    }

    static Language languageOf(String fieldName) {
        int dot = fieldName.lastIndexOf('.');
        String tag = dot < 0 ? "" : fieldName.substring(dot + 1);
        for (Language language : Language.values()) {
            if (language.tag().equals(tag)) {
                return language;
            }
        }
        throw new IllegalArgumentException("not a text field: " + fieldName);
    }

    @Override
    public void close() {
        arabic.close();
        english.close();
        french.close();
        super.close();
    }

    private static Analyzer chain(Language language) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = source;
                if (language == Language.EN) {
                    stream = new EnglishPossessiveFilter(stream);
                } else if (language == Language.FR) {
                    stream = new ElisionFilter(stream, FrenchAnalyzer.DEFAULT_ARTICLES);
                }
                // Stop words go before folding: folded, على (on) would be علي (the name Ali)
                stream = new FoldFilter(new StopFilter(stream, STOP_WORDS));
                stream = switch (language) {
                    case AR -> new ArabicStemFilter(stream);
                    case EN -> new PorterStemFilter(stream);
                    case FR -> new FrenchLightStemFilter(stream);
                };
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new FoldFilter(in);
            }
        };
    }

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(ArabicAnalyzer.getDefaultStopSet(), true);
        words.addAll(EnglishAnalyzer.getDefaultStopSet());
        words.addAll(FrenchAnalyzer.getDefaultStopSet());
        return CharArraySet.unmodifiableSet(words);
    }
}
