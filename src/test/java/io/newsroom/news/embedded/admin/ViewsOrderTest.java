package io.newsroom.news.embedded.admin;

import static io.newsroom.news.TestArticles.draft;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sorting articles by views, which the repository cannot do itself, against a real repository. */
class ViewsOrderTest {

    @Test
    void pagesAreSortedByStoredAndPendingViews() throws Exception {
        try (NewsRuntime runtime = NewsRuntime.start(RuntimeConfig.forTests())) {
            int[] views = {3, 1, 5, 0, 2};
            for (int i = 0; i < views.length; i++) {
                Article a = runtime.articles()
                        .create(draft("Bài " + views[i], Instant.now().minus(Duration.ofHours(i + 1))), "t");
                for (int v = 0; v < views[i]; v++) {
                    runtime.viewCounter().record(a.id(), Instant.now());
                }
                if (i == 2) {
                    runtime.viewCounter().flush(); // some stored, some still pending
                }
            }
            var totals = runtime.viewCounter().totals();
            List<String> desc =
                    ViewsOrder.page(runtime.articles(), totals, ArticleQuery.newest(1), true, 0, 10).stream()
                            .map(Article::title)
                            .toList();
            assertEquals(List.of("Bài 5", "Bài 3", "Bài 2", "Bài 1", "Bài 0"), desc);
            List<String> secondPage =
                    ViewsOrder.page(runtime.articles(), totals, ArticleQuery.newest(1), true, 2, 2).stream()
                            .map(Article::title)
                            .toList();
            assertEquals(List.of("Bài 2", "Bài 1"), secondPage);
            List<String> asc =
                    ViewsOrder.page(
                                    runtime.articles(),
                                    totals,
                                    ArticleQuery.newest(1).withText("Bài 5"),
                                    false,
                                    0,
                                    10)
                            .stream()
                            .map(Article::title)
                            .toList();
            assertEquals(List.of("Bài 5"), asc, "filters still apply");
        }
    }
}
