package io.newsroom.news.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Cleans article bodies with the OWASP Java HTML Sanitizer before they are stored: editors keep
 * paragraphs, headings, lists, links, emphasis, quotes, tables and images; scripts, event
 * handlers, styles, frames and {@code javascript:} URLs are dropped. Links to content stored the
 * way Magnolia's rich text field stores them ({@code ${link:{uuid:{..},repository:{..},path:{..}}}},
 * found in articles imported from Magnolia) are kept, so editing such an article here does not cut them.
 */
public final class RichTextSanitizer {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "br",
                    "hr",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "ul",
                    "ol",
                    "li",
                    "strong",
                    "b",
                    "em",
                    "i",
                    "u",
                    "s",
                    "sub",
                    "sup",
                    "blockquote",
                    "figure",
                    "figcaption",
                    "pre",
                    "code",
                    "table",
                    "thead",
                    "tbody",
                    "tr",
                    "th",
                    "td",
                    "caption",
                    "a",
                    "img")
            // Headings inside an article start below the page's own h1.
            .allowElements((element, attrs) -> "h2", "h1")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title")
            .onElements("a")
            .requireRelsOnLinks("noopener")
            .allowAttributes("src", "alt", "title", "width", "height")
            .onElements("img")
            .allowAttributes("colspan", "rowspan")
            .onElements("td", "th")
            .toFactory();

    private RichTextSanitizer() {}

    /** Where a stored link waits while the sanitizer runs: an address it keeps as it is. */
    private static final String PARKED = "https://stored-link.invalid/";
    /** A stored link made of nothing that could leave an attribute value. */
    private static final Pattern SAFE_LINK = Pattern.compile("[^\"'<>\\s]+");

    /** The safe subset of {@code html}; {@code null} stays {@code null}. */
    public static String sanitize(String html) {
        if (html == null) {
            return null;
        }
        List<String> links = new ArrayList<>();
        Matcher stored = StoredLinkFormat.PATTERN.matcher(html);
        StringBuilder parked = new StringBuilder();
        while (stored.find()) {
            String link = stored.group();
            String replacement = SAFE_LINK.matcher(link).matches() ? PARKED + links.size() : "";
            if (!replacement.isEmpty()) {
                links.add(link);
            }
            stored.appendReplacement(parked, Matcher.quoteReplacement(replacement));
        }
        stored.appendTail(parked);
        String clean = POLICY.sanitize(parked.toString()).trim();
        for (int i = links.size() - 1; i >= 0; i--) {
            clean = clean.replace(PARKED + i, links.get(i));
        }
        return clean;
    }
}
