package io.newsroom.news.embedded.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The steps of a stop (Jetty, then the module and repository), given a time limit: a request that
 * still holds the repository (a query running for minutes) must not keep a SIGTERM from ending the
 * process. Steps run in order on a thread of their own; when the limit passes, the stop gives up on
 * the rest and says which step it left. Jackrabbit, left unclosed, checks its search index at the
 * next start; the view journal already holds every answered view on disk.
 */
final class BoundedShutdown {
    /** One step of the stop. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private record Named(String name, Step step) {}

    private final List<Named> steps = new ArrayList<>();
    private volatile String running;

    BoundedShutdown then(String name, Step step) {
        steps.add(new Named(name, step));
        return this;
    }

    /**
     * Runs the steps; true when all ended within {@code limit}, false (with the step left behind
     * printed) when the limit passed first.
     */
    boolean run(Duration limit) throws InterruptedException {
        Thread worker = new Thread(
                () -> {
                    for (Named named : steps) {
                        running = named.name();
                        try {
                            named.step().run();
                        } catch (Exception e) {
                            System.err.println("Stopping: " + named.name() + " failed: " + e);
                        }
                    }
                    running = null;
                },
                "news-stop");
        worker.setDaemon(true);
        worker.start();
        worker.join(TimeUnit.MILLISECONDS.convert(limit));
        if (worker.isAlive()) {
            System.err.println("Stopping: " + running + " did not end within " + limit.toSeconds()
                    + " s (a request still holds it); the process ends without waiting for it.");
            return false;
        }
        return true;
    }

    /** The step running now, or null once all ended. */
    String running() {
        return running;
    }
}
