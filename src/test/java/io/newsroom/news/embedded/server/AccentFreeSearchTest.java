package io.newsroom.news.embedded.server;

import static io.newsroom.news.TestArticles.draft;
import static io.newsroom.news.TestArticles.hanoi;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.article.FoldingAnalyzer;
import io.newsroom.news.embedded.repository.SearchIndexUpgrade;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searches match with or without Vietnamese accents, through Jackrabbit's index configured with ASCII folding. */
class AccentFreeSearchTest {
    private static NewsRuntime runtime;
    private static Article blood;
    private static Article form;

    @BeforeAll
    static void start() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests());
        ArticleDraft d = draft("Hiến máu nhân đạo tại phường Đống Đa", hanoi(2026, 3, 1, 8, 0));
        d.setLead("Người dân tham gia đông đủ");
        d.setBody("<p>Ban chỉ đạo cảm ơn các tình nguyện viên an ninh.</p>");
        blood = runtime.articles().create(d, "e");
        runtime.articles().create(draft("Họp tổ dân phố số 3", hanoi(2026, 3, 2, 8, 0)), "e");
        form = runtime.articles().create(draft("Mẫu đơn đăng ký tạm trú", hanoi(2026, 3, 4, 8, 0)), "e");
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void theIndexFoldsVietnameseToPlainLetters() {
        assertEquals(
                List.of("hien", "ǂhiến", "mau", "ǂmáu", "dong", "ǂđống", "da", "ǂđa"),
                FoldingAnalyzer.terms("Hiến MÁU, Đống Đa!"),
                "each word folded, and as written when it has accents");
        assertEquals(List.of("hien", "mau"), FoldingAnalyzer.queryTerms("hien mau"), "without accents: any spelling");
        assertEquals(List.of("ǂmẫu", "don"), FoldingAnalyzer.queryTerms("Mẫu don"), "with accents: that spelling");
        assertEquals(List.of("an", "ninh"), FoldingAnalyzer.terms("an ninh"), "no English stop words");
    }

    @Test
    void editorsFindArticlesWithOrWithoutAccentsInTitleLeadAndBody() throws Exception {
        for (String search : List.of(
                "hien mau",
                "hiến máu",
                "HIEN MAU",
                "máu hiến",
                "dong da",
                "Đống Đa",
                "tham gia",
                "tinh nguyen vien",
                "an ninh",
                "hien ma",
                "nhan d")) {
            assertEquals(List.of(blood.id()), ids(ArticleQuery.newest(10).withText(search)), search);
        }
        for (String search : List.of("hien xyz", "mau hien doi", "hop to")) {
            assertFalse(ids(ArticleQuery.newest(10).withText(search)).contains(blood.id()), search);
        }
        assertEquals(1, ids(ArticleQuery.newest(10).withText("hop to")).size(), "the other article, by a prefix");
        assertEquals(
                List.of(), ids(ArticleQuery.newest(10).withText("\" OR * AND")), "operators are words, never obeyed");
    }

    @Test
    void aWordTypedWithAccentsFindsThatSpellingOnlyAndWithoutAccentsEverySpelling() throws Exception {
        assertEquals(List.of(form.id()), ids(ArticleQuery.newest(10).withText("mẫu")), "form, not blood");
        assertEquals(List.of(blood.id()), ids(ArticleQuery.newest(10).withText("máu")), "blood, not form");
        assertEquals(
                java.util.Set.of(form.id(), blood.id()),
                java.util.Set.copyOf(ids(ArticleQuery.newest(10).withText("mau"))),
                "without accents, both");
        assertEquals(List.of(form.id()), ids(ArticleQuery.newest(10).withText("mẫu đ")), "a prefix with accents");
        assertEquals(List.of(blood.id()), ids(ArticleQuery.newest(10).withText("hiến má")), "as typed, while typing");
        assertEquals(List.of(form.id()), ids(ArticleQuery.newest(10).withText("MẪU ĐƠN")), "upper case too");
        // A browser may send the decomposed form (base letter, then the marks): the same word.
        String decomposed = java.text.Normalizer.normalize("mẫu", java.text.Normalizer.Form.NFD);
        assertEquals(List.of(form.id()), ids(ArticleQuery.newest(10).withText(decomposed)));
    }

    @Test
    void theJsonApisFullTextSearchFoldsToo() throws Exception {
        assertEquals(List.of(blood.id()), ids(new ArticleQuery(null, "hien mau", null, List.of(), List.of(), 0, 10)));
        assertEquals(List.of(form.id()), ids(new ArticleQuery(null, "mẫu", null, List.of(), List.of(), 0, 10)));
    }

    @Test
    void aDataFolderFromBeforeGetsTheAnalyzerAndARebuiltIndex(@TempDir Path data) throws Exception {
        RuntimeConfig config = RuntimeConfig.forTests().withDataFolder(data);
        Article saved;
        try (NewsRuntime first = NewsRuntime.start(config)) {
            saved = first.articles().create(draft("Tiêm chủng mở rộng", hanoi(2026, 3, 3, 8, 0)), "e");
        }
        // As a 0.2 data folder has it: no analyzer in the workspace's own configuration.
        Path workspace = data.resolve("workspaces").resolve("news").resolve("workspace.xml");
        Files.writeString(workspace, Files.readString(workspace).replaceAll("\\s*<param name=\"analyzer\"[^>]*/>", ""));
        assertFalse(Files.readString(workspace).contains("analyzer"));

        try (NewsRuntime second = NewsRuntime.start(config)) {
            assertTrue(Files.readString(workspace).contains(FoldingAnalyzer.class.getName()));
            assertEquals(
                    List.of(saved.id()),
                    second.articles().list(ArticleQuery.newest(10).withText("tiem chung")).items().stream()
                            .map(Article::id)
                            .toList());
        }
        assertFalse(SearchIndexUpgrade.apply(workspace.getParent()), "once is enough");

        // A folder indexed before words were kept with their accents (no mark): indexed again once.
        Files.delete(workspace.resolveSibling("search-analyzer.version"));
        try (NewsRuntime third = NewsRuntime.start(config)) {
            assertEquals(
                    List.of(saved.id()),
                    third.articles().list(ArticleQuery.newest(10).withText("tiêm chủng")).items().stream()
                            .map(Article::id)
                            .toList());
        }
        assertFalse(SearchIndexUpgrade.apply(workspace.getParent()), "marked as current again");
    }

    private static List<String> ids(ArticleQuery query) throws Exception {
        return runtime.articles().list(query).items().stream().map(Article::id).toList();
    }
}
