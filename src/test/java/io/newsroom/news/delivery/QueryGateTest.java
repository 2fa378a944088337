package io.newsroom.news.delivery;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Slow anonymous queries hold at most the gate's slots, and their callers get a 503 in time. */
class QueryGateTest {

    @Test
    void aQueryPastItsLimitAnswers503AndKeepsItsSlotUntilItEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (QueryGate gate = new QueryGate(1, Duration.ofMillis(200))) {
            ApiError slow = assertThrows(
                    ApiError.class,
                    () -> gate.run(() -> {
                        release.await();
                        return "late";
                    }));
            assertEquals(503, slow.status());
            assertEquals("queryTooSlow", slow.code());

            ApiError busy = assertThrows(ApiError.class, () -> gate.run(() -> "other"));
            assertEquals(503, busy.status(), "the slow query still holds the only slot");
            assertEquals("busy", busy.code());

            release.countDown();
            String answer = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (answer == null && System.nanoTime() < deadline) {
                try {
                    answer = gate.run(() -> "free again");
                } catch (ApiError stillBusy) {
                    Thread.sleep(20);
                }
            }
            assertEquals("free again", answer, "the slot is given back once the slow query ends");
        }
    }

    @Test
    void twoSlotsServeTwoAtOnceAndFailuresComeThroughAsThemselves() throws Exception {
        CountDownLatch bothIn = new CountDownLatch(2);
        try (QueryGate gate = new QueryGate(2, Duration.ofSeconds(30))) {
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> call(gate, bothIn));
            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> call(gate, bothIn));
            assertEquals("together", first.get());
            assertEquals("together", second.get());
            IllegalArgumentException refused = assertThrows(
                    IllegalArgumentException.class,
                    () -> gate.run(() -> {
                        throw new IllegalArgumentException("unknown property");
                    }));
            assertEquals("unknown property", refused.getMessage());
        }
    }

    private static String call(QueryGate gate, CountDownLatch bothIn) {
        try {
            return gate.run(() -> {
                bothIn.countDown();
                bothIn.await();
                return "together";
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
