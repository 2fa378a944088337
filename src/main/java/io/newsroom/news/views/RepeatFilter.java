package io.newsroom.news.views;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which client saw which article, for the repeat window, so a second view within it is
 * not counted. Entries are kept in arrival order and dropped when they expire; the number kept is
 * bounded so a flood of fresh clients cannot grow memory without limit.
 */
final class RepeatFilter {
    static final int MAX_ENTRIES = 1_000_000;

    private final Duration window;
    private final LinkedHashMap<Long, Long> expiries = new LinkedHashMap<>();

    RepeatFilter(Duration window) {
        this.window = window;
    }

    /** {@code true} the first time in the window (and records it), {@code false} for a repeat. */
    synchronized boolean firstView(long client, String articleId, Instant now) {
        if (window.isZero()) {
            return true;
        }
        long nowMillis = now.toEpochMilli();
        evictExpired(nowMillis);
        long key = client * 31 + articleId.hashCode() * 0x9E3779B97F4A7C15L;
        Long expiry = expiries.get(key);
        if (expiry != null && expiry > nowMillis) {
            return false;
        }
        expiries.remove(key);
        expiries.put(key, nowMillis + window.toMillis());
        if (expiries.size() > MAX_ENTRIES) {
            Iterator<Long> oldest = expiries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    private void evictExpired(long nowMillis) {
        Iterator<Map.Entry<Long, Long>> it = expiries.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue() > nowMillis) {
                return;
            }
            it.remove();
        }
    }
}
