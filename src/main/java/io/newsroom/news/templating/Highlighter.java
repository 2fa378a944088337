package io.newsroom.news.templating;

import io.newsroom.news.article.FoldingAnalyzer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks the words of a text that a search matched, the way the search matched them: folded to
 * plain letters ("máu" matches "mau"), a word matching when it starts with a searched word.
 * Everything else is escaped for HTML.
 */
final class Highlighter {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");

    private Highlighter() {}

    static String highlight(String text, String words) {
        if (text == null) {
            return "";
        }
        List<String> searched = words == null ? List.of() : FoldingAnalyzer.queryTerms(words);
        StringBuilder html = new StringBuilder(text.length() + 32);
        Matcher word = WORD.matcher(text);
        int at = 0;
        while (word.find()) {
            html.append(escape(text.substring(at, word.start())));
            String found = word.group();
            // The word's terms (folded, and as written when it has accents): a searched word typed with
            // accents marks only that spelling, one without marks every spelling.
            List<String> terms = FoldingAnalyzer.terms(found);
            boolean matches = searched.stream().anyMatch(s -> terms.stream().anyMatch(t -> t.startsWith(s)));
            html.append(matches ? "<mark>" + escape(found) + "</mark>" : escape(found));
            at = word.end();
        }
        return html.append(escape(text.substring(at))).toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
