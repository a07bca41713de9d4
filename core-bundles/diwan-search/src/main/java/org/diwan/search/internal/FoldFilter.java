package org.diwan.search.internal;

import java.io.IOException;
import java.util.BitSet;

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

    /** Tokens of these characters alone are already folded: most tokens, which then cost no string each. */
    private static final int FAST_BELOW = 0x0800;
    private static final BitSet UNCHANGED = unchanged();

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    FoldFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (input.incrementToken()) {
            if (alreadyFolded(term.buffer(), term.length())) {
                return true;
            }
            String folded = ArabicText.fold(term.toString());
            if (!folded.isEmpty()) {
                term.setEmpty().append(folded);
                return true;
            }
            // a token of diacritics or tatweel alone: nothing left to find it by
        }
        return false;
    }

    static boolean alreadyFolded(char[] chars, int length) {
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c >= FAST_BELOW || !UNCHANGED.get(c)) {
                return false;
            }
        }
        return length > 0;
    }

    /**
     * Latin and Arabic characters that fold to themselves and are no combining mark: a token made of them alone folds
     * to itself (folding works character by character once decomposed, and without marks nothing is reordered).
     */
    private static BitSet unchanged() {
        BitSet unchanged = new BitSet(FAST_BELOW);
        for (char c = 0; c < FAST_BELOW; c++) {
            int type = Character.getType(c);
            String alone = String.valueOf(c);
            if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && ArabicText.fold(alone).equals(alone)) {
                unchanged.set(c);
            }
        }
        return unchanged;
    }
}
