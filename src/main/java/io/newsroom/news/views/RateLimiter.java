package io.newsroom.news.views;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code perMinute} beacons per client address in each clock minute; beyond that the endpoint
 * answers 429. Bounded like the repeat filter: the oldest clients are forgotten first.
 */
final class RateLimiter {
    static final int MAX_CLIENTS = 200_000;

    private final int perMinute;
    private final Map<Long, long[]> windows = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, long[]> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    RateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    synchronized boolean allow(long client, Instant now) {
        if (perMinute <= 0) {
            return true;
        }
        long minute = now.getEpochSecond() / 60;
        long[] window = windows.computeIfAbsent(client, k -> new long[] {minute, 0});
        if (window[0] != minute) {
            window[0] = minute;
            window[1] = 0;
        }
        return ++window[1] <= perMinute;
    }
}
