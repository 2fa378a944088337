package io.newsroom.news.embedded.server;

import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.Eventually;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleNodes;
import io.newsroom.news.article.ArticleRepository;
import java.net.http.HttpResponse;
import java.time.Instant;
import javax.jcr.Node;
import javax.jcr.Session;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Words found in much of the archive: the search counts up to its cap and says "more than", pages
 * through what it counted, and never reads every hit.
 */
class SearchCapTest {
    private static final int ARTICLES = 1_005;
    private static TestSite site;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(RuntimeConfig.forTests());
        // Written as an import writes them (one save); the site hears of them by observation.
        ArticleNodes nodes = new ArticleNodes(RuntimeConfig.DEFAULT_ZONE);
        Session session = site.runtime.repository().login("news");
        try {
            Node month = session.getRootNode()
                    .addNode("2025", ArticleRepository.FOLDER_TYPE)
                    .addNode("05", ArticleRepository.FOLDER_TYPE);
            for (int i = 0; i < ARTICLES; i++) {
                ArticleDraft d = new ArticleDraft();
                d.setTitle("Lễ hội đường phố số " + i);
                // Each with an English version published (as imported from Magnolia, with its i18n fields).
                d.getEnglish().setTitle("Street festival le hoi " + i);
                d.getEnglish().setSlug("street-festival-" + i);
                d.setPostedDate(Instant.parse("2025-05-01T03:00:00Z").plusSeconds(60L * i));
                Node article = month.addNode("le-hoi-" + i, "news:article");
                nodes.write(article, d);
                article.setProperty("published_en", true);
            }
            // One from long before the newest years a search asks first: found all the same.
            ArticleDraft old = new ArticleDraft();
            old.setTitle("Lễ hội làng chài năm xưa");
            old.setPostedDate(Instant.parse("2015-03-01T03:00:00Z"));
            nodes.write(
                    session.getRootNode()
                            .addNode("2015", ArticleRepository.FOLDER_TYPE)
                            .addNode("03", ArticleRepository.FOLDER_TYPE)
                            .addNode("le-hoi-lang-chai", "news:article"),
                    old);
            session.save();
        } finally {
            session.logout();
        }
        site.serve();
        Eventually.await(() -> site.runtime.module().archive().size() == ARTICLES + 1, "the import is heard");
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    @Test
    void manyMatchesAreCountedToTheCapAndSaidToBeMore() throws Exception {
        Document vi = page("/news/search?q=le+hoi");
        assertEquals(
                "Tìm thấy hơn 1.000 bài viết; thêm từ để thu hẹp kết quả",
                vi.selectFirst(".news-search__count").text());
        assertEquals("Trang 1/100", vi.selectFirst(".news-list__position").text());
        assertEquals(
                "Lễ hội đường phố số 1004", vi.selectFirst(".news-list__title").text(), "newest first");

        Document en = page("/en/news/search?q=le+hoi&page=500");
        assertEquals(
                "More than 1,000 articles found; add a word to narrow the search",
                en.selectFirst(".news-search__count").text());
        assertEquals("Page 100/100", en.selectFirst(".news-list__position").text(), "a page past the cap is its last");

        Document few = page("/news/search?q=" + "le+hoi+1004");
        assertEquals(
                "Tìm thấy 1 bài viết", few.selectFirst(".news-search__count").text());

        Document old = page("/news/search?q=" + "lang+chai");
        assertEquals(
                "Tìm thấy 1 bài viết", old.selectFirst(".news-search__count").text());
        assertEquals(
                "Lễ hội làng chài năm xưa", old.selectFirst(".news-list__title").text());
    }

    private static Document page(String path) throws Exception {
        HttpResponse<String> response = site.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Jsoup.parse(response.body());
    }
}
