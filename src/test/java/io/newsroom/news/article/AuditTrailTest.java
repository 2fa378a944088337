package io.newsroom.news.article;

import static io.newsroom.news.TestArticles.draft;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.MutableClock;
import io.newsroom.news.article.AuditTrail.Action;
import io.newsroom.news.article.AuditTrail.Entry;
import io.newsroom.news.article.AuditTrail.Filter;
import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The audit trail against a real repository: every change through the module is recorded, found and trimmed. */
class AuditTrailTest {
    private static final Instant START = Instant.parse("2026-03-10T02:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private NewsRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void everyChangeIsRecordedWithWhoWhatAndWhen() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests(), LightModule.locate(), clock);
        // The demo's pages, for the page changes below (its articles are written before the trail's window).
        io.newsroom.news.embedded.demo.DemoContent.createOnFirstStart(
                runtime.repository(), runtime.articles(), runtime.config().siteZone());
        clock.advance(Duration.ofMinutes(1));
        AuditTrail trail = runtime.audit();
        Instant firstChange = clock.instant();
        Article a = runtime.articles()
                .create(draft("Họp tổ dân phố", clock.instant().minus(Duration.ofDays(1))), "lan");
        clock.advance(Duration.ofSeconds(1));
        ArticleDraft changed = a.toDraft();
        changed.setLead("Thêm tóm tắt");
        a = runtime.articles().update(a.id(), a.version(), changed, "lan");
        clock.advance(Duration.ofSeconds(1));
        runtime.publishing().publish(a.id(), "nam");
        Article later = runtime.articles().create(draft("Lịch tiêm chủng", START.plus(Duration.ofDays(2))), "lan");
        runtime.publishing().publish(later.id(), "nam");
        clock.advance(Duration.ofSeconds(1));
        runtime.publishing().unpublish(a.id(), "nam");
        runtime.publishing().trash(a.id(), "nam");
        runtime.publishing().restore(a.id(), "lan");
        runtime.articles()
                .setFeaturedRanks(Map.of(runtime.articles().findById(later.id()).orElseThrow(), 1L), "nam");
        runtime.publishing().trash(later.id(), "nam");
        runtime.articles().delete(later.id(), "nam");

        List<Entry> all = trail.find(new Filter(firstChange, null, null, null), 100);
        List<Action> actions = all.stream().map(Entry::action).toList();
        assertTrue(
                actions.containsAll(List.of(
                        Action.CREATE,
                        Action.SAVE,
                        Action.PUBLISH,
                        Action.SCHEDULE,
                        Action.UNPUBLISH,
                        Action.TRASH,
                        Action.RESTORE,
                        Action.FEATURED_ORDER,
                        Action.DELETE_FOREVER)),
                actions.toString());
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).at().isAfter(all.get(i - 1).at()), "newest first");
        }
        Entry scheduled = all.stream()
                .filter(e -> e.action() == Action.SCHEDULE)
                .findFirst()
                .orElseThrow();
        assertEquals("nam", scheduled.user());
        assertEquals(later.id(), scheduled.targetId());
        assertEquals("Lịch tiêm chủng", scheduled.target());
        Entry deleted = all.stream()
                .filter(e -> e.action() == Action.DELETE_FOREVER)
                .findFirst()
                .orElseThrow();
        assertEquals("Lịch tiêm chủng", deleted.target(), "the title it had, though the article is gone");

        assertTrue(trail.find(new Filter(null, null, "lan", null), 100).stream()
                .allMatch(e -> e.user().equals("lan")));
        // Entries of one instant have no order among them: compared as sorted lists.
        assertEquals(
                List.of(Action.CREATE, Action.CREATE, Action.SAVE, Action.PUBLISH, Action.PUBLISH, Action.RESTORE),
                trail.find(new Filter(null, null, "lan", null), 100).stream()
                        .map(Entry::action)
                        .sorted()
                        .toList(),
                "lan's: two articles created (and published on creation), a save, a restore");
        assertEquals(
                1,
                trail.find(new Filter(null, null, null, Action.UNPUBLISH), 100).size());
        assertEquals(
                List.of(Action.CREATE, Action.PUBLISH),
                trail.find(new Filter(firstChange, firstChange.plusMillis(1), null, null), 100).stream()
                        .map(Entry::action)
                        .sorted()
                        .toList(),
                "by time: only the first instant's entries (the article created and published on creation)");
        assertTrue(trail.users().containsAll(List.of("lan", "nam")), String.valueOf(trail.users()));

        // Page changes too.
        runtime.pageDrafts().copyNewPages();
        String home = runtime.adminContext().pages().pages().get(0).path();
        String area = runtime.adminContext().pages().areas(home).get(0).name();
        String template = runtime.adminContext()
                .pages()
                .areas(home)
                .get(0)
                .availableComponents()
                .get(0);
        String block = runtime.adminContext().pages().add(home, area, template, Map.of(), "hoa");
        clock.advance(Duration.ofSeconds(1));
        runtime.adminContext().pages().remove(block, "hoa");
        assertEquals(
                List.of(Action.PAGE_REMOVE, Action.PAGE_ADD),
                trail.find(new Filter(null, null, "hoa", null), 10).stream()
                        .map(Entry::action)
                        .toList());

        // Kept apart from content: in its own workspace, nothing of it among the articles.
        Session news = runtime.repository().login("news");
        try {
            assertEquals(
                    0,
                    news.getWorkspace()
                            .getQueryManager()
                            .createQuery("//element(*, nt:unstructured)[@action]", "xpath")
                            .execute()
                            .getNodes()
                            .getSize());
        } finally {
            news.logout();
        }
    }

    @Test
    void entriesAreKeptAYearAndThenTrimmedByWholeDays() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests(), LightModule.locate(), clock);
        AuditTrail trail = runtime.audit();
        trail.record("lan", Action.SIGN_IN, null, null, "192.0.2.1");
        clock.advance(Duration.ofDays(200));
        trail.record("nam", Action.SIGN_IN, null, null, "192.0.2.2");
        clock.advance(Duration.ofDays(AuditTrail.RETENTION_DAYS - 199));
        assertEquals(0, trail.purge(AuditTrail.RETENTION_DAYS + 2), "not yet: within the retention");
        assertEquals(2, trail.find(Filter.ALL, 10).size());
        assertEquals(1, trail.purge(AuditTrail.RETENTION_DAYS));
        List<Entry> left = trail.find(Filter.ALL, 10);
        assertEquals(1, left.size());
        assertEquals("nam", left.get(0).user(), "the newer day stays");
    }
}
