package io.newsroom.news.article;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.ReusableAnalyzerBase;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.Version;

/**
 * The full-text analyzer of the {@code news} workspace's search index (Jackrabbit's
 * {@code SearchIndex} parameter {@code analyzer}): Unicode word breaks, lower case and Lucene's
 * ASCII folding, so "hien mau" finds "hiến máu" and "Đà Nẵng" is also "da nang"; a word with accents
 * is kept as written too ({@link AccentedTwinFilter}), so "mẫu" typed with its accents finds "mẫu" and
 * not "máu". No stop words:
 * English ones are Vietnamese words once folded ("an ninh"). Jackrabbit analyzes both what it
 * indexes and the words of {@code jcr:contains} with it.
 */
public final class FoldingAnalyzer extends ReusableAnalyzerBase {
    private static final Version VERSION = Version.LUCENE_36;

    @Override
    protected TokenStreamComponents createComponents(String field, Reader reader) {
        StandardTokenizer words = new StandardTokenizer(VERSION, reader);
        TokenStream folded = new AccentedTwinFilter(new LowerCaseFilter(VERSION, new StandardFilter(VERSION, words)));
        return new TokenStreamComponents(words, folded);
    }

    /**
     * What to ask the index for each word of a search: the folded word when it was typed without accents
     * (any spelling matches), its marked twin when it was typed with them (that spelling only).
     */
    public static List<String> queryTerms(String text) {
        List<String> asked = new ArrayList<>();
        for (String term : terms(text)) {
            if (!term.isEmpty() && term.charAt(0) == AccentedTwinFilter.EXACT && !asked.isEmpty()) {
                asked.set(asked.size() - 1, term);
            } else {
                asked.add(term);
            }
        }
        return asked;
    }

    /** Whether {@code term} asks for a word with its accents. */
    public static boolean exact(String term) {
        return !term.isEmpty() && term.charAt(0) == AccentedTwinFilter.EXACT;
    }

    /**
     * The index terms of {@code text}, as the index holds them: each word folded, followed by its marked
     * twin when it had accents (for terms Lucene does not analyze, such as a prefix).
     */
    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = new FoldingAnalyzer().tokenStream("text", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new IllegalStateException("Reading a string cannot fail", e);
        }
        return terms;
    }
}
