package io.newsroom.news.article;

import static io.newsroom.news.TestArticles.draft;
import static io.newsroom.news.TestArticles.hanoi;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.jcr.Node;
import javax.jcr.PropertyType;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArticleRepositoryTest {
    private static NewsRuntime runtime;
    private static ArticleRepository articles;

    @BeforeAll
    static void start() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests());
        articles = runtime.articles();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void everyPropertyRoundTripsWithVietnameseText() throws Exception {
        ArticleDraft d = draft("Đảng bộ phường Thanh Nhàn quán triệt nghị quyết", hanoi(2020, 10, 27, 10, 28));
        d.setLead("Chiều 26/10, hội nghị được tổ chức tại hội trường phường – “đầy đủ” thành phần.");
        d.setBody("<p>Nội dung <strong>chính</strong> của bài viết.</p>");
        d.setImage("jcr:6f1c2a3b-1111-2222-3333-444455556666");
        d.setImageAlt("Toàn cảnh hội nghị");
        d.setImageCaption("Hội nghị sáng 26/10 tại hội trường phường");
        d.setImageCredit("Thu Hà");
        d.setCategory("Tin hoạt động");
        d.setAuthor("Ban biên tập");
        d.setFeatured(true);
        d.setFeaturedRank(3L);
        d.setFeaturedFrom(hanoi(2020, 10, 27, 0, 0));
        d.setFeaturedUntil(hanoi(2020, 11, 27, 0, 0));

        Article created = articles.create(d, "editor");
        Article read = articles.findById(created.id()).orElseThrow();

        assertEquals("/2020/10/dang-bo-phuong-thanh-nhan-quan-triet-nghi-quyet", read.path());
        assertEquals(d.getTitle(), read.title());
        assertEquals(d.getLead(), read.lead());
        assertEquals(d.getBody(), read.body());
        assertEquals(d.getImage(), read.image());
        assertEquals(d.getImageAlt(), read.imageAlt());
        assertEquals(d.getImageCaption(), read.imageCaption());
        assertEquals(d.getImageCredit(), read.imageCredit());
        assertEquals(d.getPostedDate(), read.postedDate());
        assertEquals(d.getCategory(), read.category());
        assertEquals(d.getAuthor(), read.author());
        assertTrue(read.featured());
        assertEquals(3L, read.featuredRank());
        assertEquals(d.getFeaturedFrom(), read.featuredFrom());
        assertEquals(d.getFeaturedUntil(), read.featuredUntil());
        assertNotNull(read.created());
        assertEquals(read.lastModified().toEpochMilli(), read.version());
        assertEquals(read, articles.findByPath(read.path()).orElseThrow());

        Session session = runtime.repository().login("news");
        try {
            Node node = session.getNodeByIdentifier(created.id());
            assertEquals("news:article", node.getPrimaryNodeType().getName());
            assertTrue(node.isNodeType("mgnl:content"));
            assertEquals("mgnl:folder", node.getParent().getPrimaryNodeType().getName());
            assertEquals(
                    "mgnl:folder",
                    node.getParent().getParent().getPrimaryNodeType().getName());
            assertEquals("editor", node.getProperty("mgnl:createdBy").getString());
            assertEquals(PropertyType.DATE, node.getProperty("postedDate").getType());
            assertEquals(PropertyType.BOOLEAN, node.getProperty("featured").getType());
            assertEquals(PropertyType.LONG, node.getProperty("featuredRank").getType());
        } finally {
            session.logout();
        }
    }

    @Test
    void anArticleRemovedByAnotherSessionWhileItIsReadIsLeftOutOfAReadOfMany() throws Exception {
        Article removed = articles.create(draft("Bài bị xoá trong lúc đọc", hanoi(2021, 2, 1, 9, 0)), "editor");
        Article kept = articles.create(draft("Bài còn lại sau khi đọc", hanoi(2021, 2, 2, 9, 0)), "editor");
        // What a cluster node sees when another node deletes an article the archive index is reading.
        List<String> read = articles.findAllById(List.of(removed.id(), kept.id()), node -> {
            if (node.getIdentifier().equals(removed.id())) {
                Session other = runtime.repository().login("news");
                try {
                    other.getNodeByIdentifier(removed.id()).remove();
                    other.save();
                } finally {
                    other.logout();
                }
            }
            return node.getProperty("title").getString();
        });
        assertEquals(List.of(kept.title()), read);
    }

    @Test
    void postedDateFolderUsesTheSiteTimeZone() throws Exception {
        // 1 Jan 2021 05:00 in Hanoi is 31 Dec 2020 22:00 UTC: the folder must say 2021/01.
        Article a = articles.create(draft("Chào năm mới", hanoi(2021, 1, 1, 5, 0)), "editor");
        assertTrue(a.path().startsWith("/2021/01/"), a.path());
    }

    @Test
    void slugsAreUniqueWithinTheirFolder() throws Exception {
        Article first = articles.create(draft("Lịch tiếp dân tháng 3", hanoi(2019, 3, 1, 8, 0)), "e");
        Article second = articles.create(draft("Lịch tiếp dân tháng 3", hanoi(2019, 3, 2, 8, 0)), "e");
        Article other = articles.create(draft("Lịch tiếp dân tháng 3", hanoi(2019, 4, 2, 8, 0)), "e");
        assertEquals("lich-tiep-dan-thang-3", first.name());
        assertEquals("lich-tiep-dan-thang-3-2", second.name());
        assertEquals("lich-tiep-dan-thang-3", other.name());
        assertEquals("/2019/04/lich-tiep-dan-thang-3", other.path());
    }

    @Test
    void invalidDraftIsRefusedWithEveryErrorAndNothingIsWritten() throws Exception {
        long before = articles.count(ArticleQuery.newest(1));
        ArticleDraft bad = new ArticleDraft();
        bad.setTitle("   ");
        bad.setLead("x".repeat(601));
        bad.setImage("jcr:6f1c2a3b-1111-2222-3333-444455556666");
        bad.setFeaturedRank(-1L);
        bad.setFeaturedFrom(hanoi(2020, 2, 1, 0, 0));
        bad.setFeaturedUntil(hanoi(2020, 1, 1, 0, 0));
        bad.setName("Not A Slug!");

        ValidationException e = assertThrows(ValidationException.class, () -> articles.create(bad, "e"));
        List<String> fields =
                e.errors().stream().map(FieldError::field).sorted().toList();
        assertEquals(
                List.of("featuredRank", "featuredUntil", "imageAlt", "lead", "name", "postedDate", "title"), fields);
        assertEquals(before, articles.count(ArticleQuery.newest(1)));
    }

    @Test
    void updateMovesToTheNewMonthAndKeepsTheId() throws Exception {
        Article a = articles.create(draft("Họp tổ dân phố số 5", hanoi(2018, 5, 5, 9, 0)), "e");
        ArticleDraft change = a.toDraft();
        change.setPostedDate(hanoi(2018, 6, 5, 9, 0));
        change.setName("hop-to-dan-pho-5");
        Article moved = articles.update(a.id(), a.version(), change, "e2");
        assertEquals(a.id(), moved.id());
        assertEquals("/2018/06/hop-to-dan-pho-5", moved.path());
        assertTrue(moved.version() > a.version());
        assertTrue(articles.findByPath(a.path()).isEmpty());
    }

    @Test
    void staleUpdateIsAConflictAndChangesNothing() throws Exception {
        Article a = articles.create(draft("Thông báo cắt điện", hanoi(2022, 7, 1, 7, 0)), "e");
        ArticleDraft mine = a.toDraft();
        mine.setLead("Bản của biên tập viên A");
        ArticleDraft theirs = a.toDraft();
        theirs.setLead("Bản của biên tập viên B");

        Article saved = articles.update(a.id(), a.version(), mine, "a");
        ConflictException conflict =
                assertThrows(ConflictException.class, () -> articles.update(a.id(), a.version(), theirs, "b"));
        assertEquals(saved.version(), conflict.currentVersion());
        assertEquals(
                "Bản của biên tập viên A",
                articles.findById(a.id()).orElseThrow().lead());
    }

    @Test
    void concurrentUpdatesFromTheSameVersionLetExactlyOneWin() throws Exception {
        Article a = articles.create(draft("Lịch trực tết", hanoi(2022, 1, 20, 7, 0)), "e");
        int writers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String lead = "writer " + i;
            results.add(pool.submit(() -> {
                ArticleDraft d = a.toDraft();
                d.setLead(lead);
                go.await();
                try {
                    articles.update(a.id(), a.version(), d, lead);
                    return lead;
                } catch (ConflictException e) {
                    return null;
                }
            }));
        }
        go.countDown();
        List<String> winners = new ArrayList<>();
        for (var f : results) {
            String w = f.get();
            if (w != null) winners.add(w);
        }
        pool.shutdown();
        assertEquals(1, winners.size(), "exactly one writer may win: " + winners);
        assertEquals(winners.get(0), articles.findById(a.id()).orElseThrow().lead());
    }

    @Test
    void deleteRemovesAndUnknownIdsAreNotFound() throws Exception {
        Article a = articles.create(draft("Bài sẽ bị xoá", hanoi(2017, 1, 1, 1, 0)), "e");
        assertTrue(articles.delete(a.id()));
        assertTrue(articles.findById(a.id()).isEmpty());
        assertFalse(articles.delete(a.id()));
        assertTrue(articles.findById("not-a-uuid").isEmpty());
        assertTrue(articles.findById("").isEmpty());
        assertThrows(ArticleNotFoundException.class, () -> articles.update(a.id(), 0, a.toDraft(), "e"));
        assertTrue(articles.findByPath("/../etc").isEmpty());
        assertTrue(articles.findByPath("/2017[1]/01").isEmpty());
        assertTrue(articles.findByPath("relative").isEmpty());
        assertTrue(articles.findByPath("/2017").isEmpty(), "a folder is not an article");
    }
}
