package io.newsroom.news.delivery;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What anonymous queries may cost: at most {@code slots} run at once, and an answer waits at most
 * {@code limit} for its query. Jackrabbit cannot stop a running query, so one past its limit keeps
 * its slot until it ends while the caller already has a 503: however many hostile requests arrive,
 * they hold no more than {@code slots} threads, and the site's pages (which never come here) go on.
 */
final class QueryGate implements AutoCloseable {
    private final Semaphore free;
    private final ExecutorService workers;
    private final Duration limit;

    QueryGate(int slots, Duration limit) {
        this.free = new Semaphore(slots);
        this.limit = limit;
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(slots, slots, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), work -> {
                    Thread thread = new Thread(work, "news-api-query");
                    thread.setDaemon(true);
                    return thread;
                });
        // Idle workers end: a gate left behind (a module restarted in Magnolia) keeps no threads.
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
    }

    /** The query's answer; a 503 when every slot is taken or the limit passed first. */
    <T> T run(Callable<T> query) throws Exception {
        if (!free.tryAcquire()) {
            throw new ApiError(503, "busy", "news.error.busy");
        }
        Future<T> answer;
        try {
            answer = workers.submit(() -> {
                try {
                    return query.call();
                } finally {
                    free.release();
                }
            });
        } catch (RuntimeException e) {
            free.release();
            throw e;
        }
        try {
            return answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ApiError(503, "queryTooSlow", "news.error.queryTooSlow", limit.toSeconds());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
