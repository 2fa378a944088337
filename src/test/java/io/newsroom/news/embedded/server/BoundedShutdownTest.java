package io.newsroom.news.embedded.server;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A stop ends within its limit even when a step never returns (a request holding the repository). */
class BoundedShutdownTest {

    @Test
    void aStepThatNeverEndsDoesNotHoldTheStop() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        List<String> ran = new ArrayList<>();
        BoundedShutdown stop = new BoundedShutdown()
                .then("the web server", () -> ran.add("web"))
                .then("the repository", never::await);
        long started = System.nanoTime();
        assertFalse(stop.run(Duration.ofMillis(300)));
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(20).toNanos());
        assertEquals(List.of("web"), ran);
        assertEquals("the repository", stop.running());
        never.countDown();
    }

    @Test
    void everyStepRunsInOrderEvenAfterOneFails() throws Exception {
        List<String> ran = new ArrayList<>();
        BoundedShutdown stop = new BoundedShutdown()
                .then("the web server", () -> {
                    ran.add("web");
                    throw new IllegalStateException("port already closed");
                })
                .then("the repository", () -> ran.add("repository"));
        assertTrue(stop.run(Duration.ofSeconds(30)));
        assertEquals(List.of("web", "repository"), ran);
        assertNull(stop.running());
    }
}
