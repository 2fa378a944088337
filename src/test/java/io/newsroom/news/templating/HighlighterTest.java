package io.newsroom.news.templating;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class HighlighterTest {

    @Test
    void theWordsFoundAreMarkedAsTheSearchFoundThem() {
        assertEquals(
                "<mark>Mẫu</mark> đơn hiến <mark>máu</mark>",
                Highlighter.highlight("Mẫu đơn hiến máu", "mau"),
                "without accents: every spelling");
        assertEquals(
                "<mark>Mẫu</mark> đơn hiến máu",
                Highlighter.highlight("Mẫu đơn hiến máu", "mẫu"),
                "with accents: that one");
        assertEquals("Mẫu &lt;b&gt; <mark>đơn</mark>", Highlighter.highlight("Mẫu <b> đơn", "đơ"), "a start, escaped");
    }
}
