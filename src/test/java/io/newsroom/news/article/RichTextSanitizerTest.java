package io.newsroom.news.article;

import static org.junit.jupiter.api.Assertions.*;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RichTextSanitizerTest {

    private static String clean(String html) {
        return RichTextSanitizer.sanitize(html);
    }

    @Test
    void removesScriptsHandlersStylesAndJavascriptLinks() {
        String out = clean("<p onclick=\"steal()\" style=\"color:red\">Xin chào<script>alert(1)</script></p>"
                + "<a href=\"javascript:alert(1)\">bấm</a><img src=x onerror=alert(1)>"
                + "<iframe src=\"https://evil.example\"></iframe><style>p{}</style>");
        assertFalse(out.contains("script"), out);
        assertFalse(out.contains("onclick"), out);
        assertFalse(out.contains("onerror"), out);
        assertFalse(out.contains("style"), out);
        assertFalse(out.contains("javascript:"), out);
        assertFalse(out.contains("iframe"), out);
        assertTrue(out.contains("<p>Xin chào</p>"), out);
    }

    @Test
    void keepsTheStructureEditorsWrite() {
        String html = "<h2>Tiêu đề</h2><p><strong>Đậm</strong> và <em>nghiêng</em></p>"
                + "<ul><li>Một</li></ul><ol><li>Hai</li></ol>"
                + "<p><a href=\"https://example.org/a\">liên kết</a></p>"
                + "<img src=\"https://example.org/a.jpg\" alt=\"Ảnh\" />";
        String out = clean(html);
        for (String kept : new String[] {
            "<h2>Tiêu đề</h2>",
            "<strong>Đậm</strong>",
            "<em>nghiêng</em>",
            "<ul><li>Một</li></ul>",
            "<ol><li>Hai</li></ol>",
            "href=\"https://example.org/a\"",
            "src=\"https://example.org/a.jpg\"",
            "alt=\"Ảnh\""
        }) {
            assertTrue(out.contains(kept), kept + " in " + out);
        }
    }

    @Test
    void pageLevelHeadingsBecomeSectionHeadings() {
        assertEquals("<h2>Lớn</h2>", clean("<h1>Lớn</h1>"));
    }

    @Test
    void nullStaysNull() {
        assertNull(clean(null));
    }

    @Test
    void keepsLinksStoredTheWayMagnoliaStoresThemAndNothingThatLooksLikeOne() {
        String stored = "${link:{uuid:{3a6c2b1e-0000-4000-8000-000000000001},repository:{website},path:{/home}}}";
        String out = RichTextSanitizer.sanitize(
                "<p><a href=\"" + stored + "\">Trang chủ</a> <a href=\"" + stored + "\">lại</a></p>");
        assertEquals(2, out.split(Pattern.quote("href=\"" + stored + "\""), -1).length - 1, out);
        String breakout = "${link:{uuid:{x\" onmouseover=\"alert(1)},repository:{website},path:{/home}}}";
        String hostile = RichTextSanitizer.sanitize("<p><a href=\"" + breakout + "\">x</a></p>");
        assertFalse(hostile.contains("onmouseover"), hostile);
    }
}
