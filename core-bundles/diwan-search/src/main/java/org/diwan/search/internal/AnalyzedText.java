package org.diwan.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

/**
 * A text's tokens in one language, analysed once and replayed into every field that indexes it the same way
 * ({@code all.ar} and {@code title.ar}): analysis was a third of indexing's time, and each text went through it twice.
 */
final class AnalyzedText {

    private char[][] terms = new char[16][];
    private int[] increments = new int[16];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int count;
    private int finalOffset;
    private int finalIncrement;

    private AnalyzedText() {
    }

    /** Analyses {@code text} as {@code field} is analysed. */
    static AnalyzedText of(Analyzer analysis, String field, String text) {
        AnalyzedText tokens = new AnalyzedText();
        try (TokenStream stream = analysis.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(Arrays.copyOf(term.buffer(), term.length()), increment.getPositionIncrement(), offset.startOffset(),
                        offset.endOffset());
            }
            stream.end();
            tokens.finalOffset = offset.endOffset();
            // stop words dropped at the end still move the position, as they would have in the field's own analysis
            tokens.finalIncrement = increment.getPositionIncrement();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a text held in memory failed", e);
        }
        return tokens;
    }

    private void add(char[] term, int increment, int start, int end) {
        if (count == terms.length) {
            terms = Arrays.copyOf(terms, count * 2);
            increments = Arrays.copyOf(increments, count * 2);
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        terms[count] = term;
        increments[count] = increment;
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    /** A field that indexes these tokens; its stream is reused from the field's previous document when it can be. */
    Field field(String name) {
        return new Field(name, TextField.TYPE_NOT_STORED) {
            {
                // a Field needs a value to be valid; the tokens come from tokenStream below
                fieldsData = "";
            }

            @Override
            public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
                Replay replay = reuse instanceof Replay ? (Replay) reuse : new Replay();
                replay.tokens = AnalyzedText.this;
                return replay;
            }
        };
    }

    /** Plays back one {@link AnalyzedText}; made once per field of an indexing thread, not per document. */
    private static final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private AnalyzedText tokens;
        private int next;

        @Override
        public boolean incrementToken() {
            if (next == tokens.count) {
                return false;
            }
            clearAttributes();
            term.copyBuffer(tokens.terms[next], 0, tokens.terms[next].length);
            increment.setPositionIncrement(tokens.increments[next]);
            offset.setOffset(tokens.starts[next], tokens.ends[next]);
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(tokens.finalOffset, tokens.finalOffset);
            increment.setPositionIncrement(tokens.finalIncrement);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }

        @Override
        public void close() throws IOException {
            super.close();
            tokens = null;
        }
    }
}
