package io.newsroom.news;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;

/** Waiting for a condition, never for a fixed time: checked every 50 ms, failed after a minute. */
public final class Eventually {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private Eventually() {}

    /** Something that comes true in time; may throw while it is not yet checkable. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Returns once {@code condition} holds; fails with {@code what} when it has not within a minute. */
    public static void await(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                fail(what + " (waited " + LIMIT.toSeconds() + " s)");
            }
            Thread.sleep(50);
        }
    }
}
