package io.newsroom.news.views;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which address saw which article, for the repeat window, so a second view within it is
 * not counted. Behind one address (a household, an office) a few readers with different user agents
 * each count once, up to {@link #AGENTS_PER_ADDRESS}: a client inventing user agents gains no more.
 * Entries are kept in arrival order and dropped when they expire; the number kept is bounded so a
 * flood of fresh clients cannot grow memory without limit.
 */
final class RepeatFilter {
    static final int MAX_ENTRIES = 1_000_000;
    static final int AGENTS_PER_ADDRESS = 4;

    /** One address and article in the window: when it ends, and the user agents already counted. */
    private static final class Seen {
        final long expiry;
        final long[] agents = new long[AGENTS_PER_ADDRESS];
        int count;

        Seen(long expiry) {
            this.expiry = expiry;
        }
    }

    private final Duration window;
    private final LinkedHashMap<Long, Seen> expiries = new LinkedHashMap<>();

    RepeatFilter(Duration window) {
        this.window = window;
    }

    /** {@code true} the first time in the window (and records it), {@code false} for a repeat. */
    synchronized boolean firstView(long address, long agent, String articleId, Instant now) {
        if (window.isZero()) {
            return true;
        }
        long nowMillis = now.toEpochMilli();
        evictExpired(nowMillis);
        long key = address * 31 + articleId.hashCode() * 0x9E3779B97F4A7C15L;
        Seen seen = expiries.get(key);
        if (seen != null && seen.expiry > nowMillis) {
            for (int i = 0; i < seen.count; i++) {
                if (seen.agents[i] == agent) {
                    return false;
                }
            }
            if (seen.count == AGENTS_PER_ADDRESS) {
                return false;
            }
            seen.agents[seen.count++] = agent;
            return true;
        }
        expiries.remove(key);
        seen = new Seen(nowMillis + window.toMillis());
        seen.agents[seen.count++] = agent;
        expiries.put(key, seen);
        if (expiries.size() > MAX_ENTRIES) {
            Iterator<Long> oldest = expiries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    private void evictExpired(long nowMillis) {
        Iterator<Map.Entry<Long, Seen>> it = expiries.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().expiry > nowMillis) {
                return;
            }
            it.remove();
        }
    }
}
