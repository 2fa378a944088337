package io.newsroom.news.publishing;

import static io.newsroom.news.TestArticles.unpublished;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.MutableClock;
import io.newsroom.news.article.Actor;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.AuditTrail;
import io.newsroom.news.article.Review;
import io.newsroom.news.article.Role;
import io.newsroom.news.article.ValidationException;
import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Review before publishing against a real repository: submit, the queue, send back, resubmit, publish. */
class ReviewsTest {
    private static final Instant START = Instant.parse("2026-05-04T03:00:00Z");
    private static final Actor LAN = new Actor("lan", Role.REPORTER);
    private static final Actor NAM = new Actor("nam", Role.EDITOR);
    private final MutableClock clock = new MutableClock(START);
    private NewsRuntime runtime;
    private Reviews reviews;

    @BeforeEach
    void start() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests(), LightModule.locate(), clock);
        reviews = runtime.adminContext().reviews();
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void aReporterSubmitsAnEditorSendsItBackWithACommentThenPublishesTheFix() throws Exception {
        Article draft = Actor.runAs(LAN, () -> runtime.articles().create(unpublished("Lịch cắt điện", START), "lan"));
        assertTrue(reviews.of(draft.id()).isEmpty(), "a new draft is not in review");
        clock.advance(Duration.ofSeconds(1)); // the trail orders by time: one step per second

        Review submitted = Actor.runAs(LAN, () -> reviews.submit(draft.id(), "lan"));
        assertEquals(Review.Status.SUBMITTED, submitted.status());
        assertEquals("lan", submitted.submittedBy());
        assertEquals(START.plusSeconds(1), submitted.submittedAt());
        assertEquals(List.of(draft.id()), ids(Actor.runAs(NAM, reviews::queue)), "the editor's queue");
        assertEquals(List.of(), Actor.runAs(LAN, reviews::queue), "a reporter has no queue");
        assertEquals(
                draft.version(),
                runtime.articles().findById(draft.id()).orElseThrow().version(),
                "submitting does not change the text: an open form can still save");

        clock.advance(Duration.ofMinutes(5));
        ValidationException empty = assertThrows(
                ValidationException.class, () -> Actor.runAs(NAM, () -> reviews.sendBack(draft.id(), "nam", "  ")));
        assertEquals("news.review.commentRequired", empty.errors().get(0).messageKey());
        assertThrows(
                ValidationException.class,
                () -> Actor.runAs(NAM, () -> reviews.sendBack(draft.id(), "nam", "x".repeat(Review.MAX_COMMENT + 1))));
        assertEquals(
                Review.Status.SUBMITTED, reviews.of(draft.id()).orElseThrow().status(), "a refusal changes nothing");
        assertThrows(
                Actor.NotAllowedException.class,
                () -> Actor.runAs(LAN, () -> reviews.sendBack(draft.id(), "lan", "Tự trả lại")));

        Review returned =
                Actor.runAs(NAM, () -> reviews.sendBack(draft.id(), "nam", "Ghi rõ giờ cắt điện.\nThêm nguồn."));
        assertEquals(Review.Status.RETURNED, returned.status());
        assertEquals("nam", returned.reviewedBy());
        assertEquals(clock.instant(), returned.reviewedAt());
        assertEquals("Ghi rõ giờ cắt điện.\nThêm nguồn.", returned.comment());
        assertEquals(List.of(), Actor.runAs(NAM, reviews::queue), "no longer waiting");
        assertThrows(
                IllegalStateException.class,
                () -> Actor.runAs(NAM, () -> reviews.sendBack(draft.id(), "nam", "Lần nữa")),
                "only what waits is sent back");
        List<Reviews.Item> mine = reviews.submittedBy("lan", 10);
        assertEquals(1, mine.size());
        assertEquals("Lịch cắt điện", mine.get(0).title());
        assertEquals(Review.Status.RETURNED, mine.get(0).review().status(), "the reporter reads the outcome");

        clock.advance(Duration.ofMinutes(5));
        Review again = Actor.runAs(LAN, () -> reviews.submit(draft.id(), "lan"));
        assertEquals(Review.Status.SUBMITTED, again.status());
        assertNull(again.comment(), "the old comment goes with a new submission");
        assertNull(again.reviewedBy());

        clock.advance(Duration.ofMinutes(5));
        Actor.runAs(NAM, () -> runtime.publishing().publish(draft.id(), "nam"));
        Review approved = reviews.of(draft.id()).orElseThrow();
        assertEquals(Review.Status.APPROVED, approved.status(), "publishing is the approval");
        assertEquals("nam", approved.reviewedBy());
        assertEquals(clock.instant(), approved.reviewedAt());
        assertEquals(List.of(), Actor.runAs(NAM, reviews::queue));
        assertThrows(
                IllegalStateException.class,
                () -> Actor.runAs(null, () -> reviews.submit(draft.id(), "lan")),
                "a published article is not submitted");

        List<AuditTrail.Action> flow = runtime.audit().find(AuditTrail.Filter.ALL, 20).stream()
                .filter(e -> e.targetId().equals(draft.id()))
                .map(AuditTrail.Entry::action)
                .toList();
        assertEquals(
                List.of(
                        AuditTrail.Action.PUBLISH,
                        AuditTrail.Action.SUBMIT_FOR_REVIEW,
                        AuditTrail.Action.SEND_BACK,
                        AuditTrail.Action.SUBMIT_FOR_REVIEW,
                        AuditTrail.Action.CREATE),
                flow,
                "newest first");
    }

    @Test
    void theQueueIsTheLongestWaitingFirstAndLeavesOutTheTrash() throws Exception {
        Article first = Actor.runAs(LAN, () -> runtime.articles().create(unpublished("Tin một", START), "lan"));
        Article second = Actor.runAs(LAN, () -> runtime.articles().create(unpublished("Tin hai", START), "lan"));
        Article third = Actor.runAs(LAN, () -> runtime.articles().create(unpublished("Tin ba", START), "lan"));
        for (Article a : List.of(second, first, third)) {
            clock.advance(Duration.ofMinutes(1));
            Actor.runAs(LAN, () -> reviews.submit(a.id(), "lan"));
        }
        assertEquals(List.of(second.id(), first.id(), third.id()), ids(Actor.runAs(NAM, reviews::queue)));
        Actor.runAs(NAM, () -> runtime.publishing().trash(first.id(), "nam"));
        assertEquals(List.of(second.id(), third.id()), ids(Actor.runAs(NAM, reviews::queue)));
        assertEquals(
                List.of(third.id(), second.id()), ids(reviews.submittedBy("lan", 10)), "a reporter's latest first");
        assertEquals(List.of(third.id()), ids(reviews.submittedBy("lan", 1)));
        assertEquals(List.of(), reviews.submittedBy("l'an", 10), "a name is a literal, not XPath");
        Article others = Actor.runAs(null, () -> runtime.articles().create(unpublished("Của Hoa", START), "hoa"));
        assertThrows(
                Actor.NotAllowedException.class,
                () -> Actor.runAs(LAN, () -> reviews.submit(others.id(), "lan")),
                "a reporter submits only their own draft");
        assertTrue(reviews.of(others.id()).isEmpty());
    }

    private static List<String> ids(List<Reviews.Item> items) {
        return items.stream().map(Reviews.Item::articleId).toList();
    }
}
