package io.newsroom.news.article;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.ASCIIFoldingFilter;
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
 * ASCII folding, so "hien mau" finds "hiến máu" and "Đà Nẵng" is also "da nang". No stop words:
 * English ones are Vietnamese words once folded ("an ninh"). Jackrabbit analyzes both what it
 * indexes and the words of {@code jcr:contains} with it.
 */
public final class FoldingAnalyzer extends ReusableAnalyzerBase {
    private static final Version VERSION = Version.LUCENE_36;

    @Override
    protected TokenStreamComponents createComponents(String field, Reader reader) {
        StandardTokenizer words = new StandardTokenizer(VERSION, reader);
        TokenStream folded = new ASCIIFoldingFilter(new LowerCaseFilter(VERSION, new StandardFilter(VERSION, words)));
        return new TokenStreamComponents(words, folded);
    }

    /** The index terms of {@code text}, as the index holds them (for terms Lucene does not analyze, such as a prefix). */
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
