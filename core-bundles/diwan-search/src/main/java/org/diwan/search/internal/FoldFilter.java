package org.diwan.search.internal;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.diwan.api.i18n.ArabicText;

/**
 * Folds each token with {@link ArabicText#fold}: the same folding as every other comparison in Diwan (hamza
 * and alef forms, taa marbuta, alef maqsura, tatweel, diacritics, Arabic-Indic digits, Latin case and accents),
 * so that the index and the database searches agree on what counts as the same word.
 */
final class FoldFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    FoldFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (input.incrementToken()) {
            String folded = ArabicText.fold(term.toString());
            if (!folded.isEmpty()) {
                term.setEmpty().append(folded);
                return true;
            }
            // a token of diacritics or tatweel alone: nothing left to find it by
        }
        return false;
    }
}
