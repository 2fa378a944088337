package io.newsroom.news.article;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Cleans article bodies with the OWASP Java HTML Sanitizer before they are stored: editors keep
 * paragraphs, headings, lists, links, emphasis, quotes, tables and images; scripts, event
 * handlers, styles, frames and {@code javascript:} URLs are dropped.
 */
public final class RichTextSanitizer {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6",
                    "ul", "ol", "li", "strong", "b", "em", "i", "u", "s", "sub", "sup",
                    "blockquote", "figure", "figcaption", "pre", "code",
                    "table", "thead", "tbody", "tr", "th", "td", "caption", "a", "img")
            // Headings inside an article start below the page's own h1.
            .allowElements((element, attrs) -> "h2", "h1")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title").onElements("a")
            .requireRelsOnLinks("noopener")
            .allowAttributes("src", "alt", "title", "width", "height").onElements("img")
            .allowAttributes("colspan", "rowspan").onElements("td", "th")
            .toFactory();

    private RichTextSanitizer() {
    }

    /** The safe subset of {@code html}; {@code null} stays {@code null}. */
    public static String sanitize(String html) {
        if (html == null) {
            return null;
        }
        return POLICY.sanitize(html).trim();
    }
}
