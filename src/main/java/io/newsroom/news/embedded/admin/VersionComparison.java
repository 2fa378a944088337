package io.newsroom.news.embedded.admin;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import io.newsroom.news.article.Article;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * What differs between a kept version and the current article: the fields whose values changed,
 * and the body as a readable line diff of its paragraphs' text (editors compare words, not tags).
 */
final class VersionComparison {

    /** A field whose value differs: its label key and both values as shown to editors. */
    record FieldChange(String labelKey, String then, String now) {}

    enum Kind {
        SAME,
        REMOVED,
        ADDED
    }

    /** One paragraph of the body diff. */
    record Line(Kind kind, String text) {}

    /** A word (or the spaces between words) of a word-level diff. */
    record Word(Kind kind, String text) {}

    private VersionComparison() {}

    /** The changed fields of {@code then} against {@code now}, body apart, in the editor's order. */
    static List<FieldChange> fields(Article then, Article now, ZoneId zone) {
        Function<Instant, String> date = i -> i == null ? "" : ArticleRow.POSTED.format(i.atZone(zone));
        List<FieldChange> changes = new ArrayList<>();
        add(changes, "news.article.title.label", then.title(), now.title());
        add(changes, "news.article.lead.label", then.lead(), now.lead());
        add(changes, "news.article.postedDate.label", date.apply(then.postedDate()), date.apply(now.postedDate()));
        add(changes, "news.article.category.label", then.category(), now.category());
        add(changes, "news.article.author.label", then.author(), now.author());
        add(changes, "news.article.image.label", then.image(), now.image());
        add(changes, "news.article.imageAlt.label", then.imageAlt(), now.imageAlt());
        add(changes, "news.article.imageCaption.label", then.imageCaption(), now.imageCaption());
        add(changes, "news.article.imageCredit.label", then.imageCredit(), now.imageCredit());
        add(changes, "news.article.featured.label", ArticleRow.featured(then), ArticleRow.featured(now));
        add(
                changes,
                "news.article.featuredFrom.label",
                date.apply(then.featuredFrom()),
                date.apply(now.featuredFrom()));
        add(
                changes,
                "news.article.featuredUntil.label",
                date.apply(then.featuredUntil()),
                date.apply(now.featuredUntil()));
        // The English version's texts and address (its body is compared as text, like the article's title).
        io.newsroom.news.article.TranslationDraft before = io.newsroom.news.article.TranslationDraft.of(then.english());
        io.newsroom.news.article.TranslationDraft after = io.newsroom.news.article.TranslationDraft.of(now.english());
        add(changes, "news.admin.english.title", before.getTitle(), after.getTitle());
        add(changes, "news.admin.english.slug", before.getSlug(), after.getSlug());
        add(changes, "news.admin.english.lead", before.getLead(), after.getLead());
        add(changes, "news.admin.english.body", text(before.getBody()), text(after.getBody()));
        add(changes, "news.admin.english.imageAlt", before.getImageAlt(), after.getImageAlt());
        add(changes, "news.admin.english.imageCaption", before.getImageCaption(), after.getImageCaption());
        return changes;
    }

    private static String text(String html) {
        return html == null ? null : org.jsoup.Jsoup.parseBodyFragment(html).text();
    }

    private static void add(List<FieldChange> changes, String key, String then, String now) {
        String a = then == null ? "" : then;
        String b = now == null ? "" : now;
        if (!Objects.equals(a, b)) {
            changes.add(new FieldChange(key, a, b));
        }
    }

    /** The body's paragraphs, each kept, removed (only in the version) or added (only now). */
    static List<Line> body(String thenHtml, String nowHtml) {
        return diff(paragraphs(thenHtml), paragraphs(nowHtml), Line::new);
    }

    /**
     * {@code then} against {@code now} word by word: the words only in {@code then} are REMOVED, only in
     * {@code now} ADDED, the rest SAME. Read in order, the SAME and REMOVED words make {@code then}, the
     * SAME and ADDED ones {@code now}; so each side can be shown whole with its own words marked.
     */
    static List<Word> words(String then, String now) {
        return diff(tokens(then), tokens(now), Word::new);
    }

    /** {@code then} and {@code now} in one list: each part kept, removed (only in {@code then}) or added. */
    private static <T> List<T> diff(
            List<String> then, List<String> now, java.util.function.BiFunction<Kind, String, T> part) {
        List<T> parts = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(then, now).getDeltas()) {
            while (at < delta.getSource().getPosition()) {
                parts.add(part.apply(Kind.SAME, then.get(at++)));
            }
            delta.getSource().getLines().forEach(l -> parts.add(part.apply(Kind.REMOVED, l)));
            delta.getTarget().getLines().forEach(l -> parts.add(part.apply(Kind.ADDED, l)));
            at += delta.getSource().size();
        }
        while (at < then.size()) {
            parts.add(part.apply(Kind.SAME, then.get(at++)));
        }
        return parts;
    }

    /** Words and the spaces between them, each a token, so nothing of the text is lost. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tokens;
        }
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\s+|[^\\s]+").matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /** The text of each block (paragraph, heading, list item) of stored rich text. */
    static List<String> paragraphs(String html) {
        List<String> text = new ArrayList<>();
        if (html == null || html.isBlank()) {
            return text;
        }
        for (Element block : Jsoup.parseBodyFragment(html).body().children()) {
            if (block.tagName().equals("ul") || block.tagName().equals("ol")) {
                block.select("li").forEach(li -> addText(text, "• " + li.text()));
            } else {
                addText(text, block.text());
            }
        }
        if (text.isEmpty()) {
            addText(text, Jsoup.parseBodyFragment(html).text());
        }
        return text;
    }

    private static void addText(List<String> text, String line) {
        if (!line.isBlank()) {
            text.add(line.strip());
        }
    }
}
