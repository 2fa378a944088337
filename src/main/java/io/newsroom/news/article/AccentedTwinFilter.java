package io.newsroom.news.article;

import java.io.IOException;
import java.text.Normalizer;
import org.apache.lucene.analysis.ASCIIFoldingFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Folds each (lower-case) word to ASCII and, when the word had accents, adds it as written too, at
 * the same position and marked with {@link #EXACT}: "máu" is indexed as {@code mau} and
 * {@code ǂmáu}. A search word without accents is folded and finds every spelling; one with accents
 * is asked as its marked twin ({@link FoldingAnalyzer#queryTerms}) and finds only that spelling,
 * so "mẫu" (form) no longer finds "máu" (blood). A marked word is taken as it is, never folded.
 */
final class AccentedTwinFilter extends TokenFilter {
    /** Marks a word kept with its accents (a letter no Vietnamese or English word has). */
    static final char EXACT = 'ǂ';

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private String twin;

    AccentedTwinFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (twin != null) {
            term.setEmpty().append(twin);
            position.setPositionIncrement(0);
            twin = null;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String word = Normalizer.normalize(term.toString(), Normalizer.Form.NFC);
        if (!word.isEmpty() && word.charAt(0) == EXACT) {
            term.setEmpty().append(word);
            return true;
        }
        String folded = fold(word);
        term.setEmpty().append(folded);
        if (!folded.equals(word)) {
            twin = EXACT + word;
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        twin = null;
    }

    static String fold(String word) {
        char[] input = word.toCharArray();
        char[] output = new char[input.length * 4];
        int length = ASCIIFoldingFilter.foldToASCII(input, 0, output, 0, input.length);
        return new String(output, 0, length);
    }
}
