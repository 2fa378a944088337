package io.newsroom.news.views;

import java.time.Duration;
import java.time.Instant;

/**
 * Remembers which address saw which article, for the repeat window, so a second view within it is
 * not counted. Behind one address (a household, an office) a few readers with different user agents
 * each count once, up to {@link #AGENTS_PER_ADDRESS}: a client inventing user agents gains no more.
 * <p>
 * Kept in primitive arrays, because a busy day fills it: a ring of entries in arrival order (key,
 * expiry, the user agents seen as four 16-bit fingerprints) and an open-addressing index from key to
 * ring slot. 35 bytes an entry measured (35 MB for a million; the map of boxed entries before: 154 MB); it grows by doubling up
 * to {@link #MAX_ENTRIES}, after which the oldest entry makes room, so a flood of fresh clients cannot
 * grow memory without limit. Expired entries leave from the ring's old end.
 */
final class RepeatFilter {
    static final int MAX_ENTRIES = 1_000_000;
    static final int AGENTS_PER_ADDRESS = 4;
    private static final int FIRST_CAPACITY = 1_024;

    private final long windowMillis;
    private final int maxEntries;

    // the ring: entry i of `size` lives at (head + i) % capacity
    private long[] keys;
    private long[] expiries;
    /** Up to four user-agent fingerprints of 16 bits, none of them 0 (0 marks a free place). */
    private long[] agents;

    private int head;
    private int size;
    /** Ring slot + 1 per index position, 0 for empty; linear probing, at most half full. */
    private int[] index;

    RepeatFilter(Duration window) {
        this(window, MAX_ENTRIES);
    }

    RepeatFilter(Duration window, int maxEntries) {
        this.windowMillis = window.toMillis();
        this.maxEntries = maxEntries;
        allocate(Math.min(FIRST_CAPACITY, maxEntries));
    }

    /** {@code true} the first time in the window (and records it), {@code false} for a repeat. */
    synchronized boolean firstView(long address, long agent, String articleId, Instant now) {
        if (windowMillis == 0) {
            return true;
        }
        long nowMillis = now.toEpochMilli();
        evictExpired(nowMillis);
        long key = address * 31 + articleId.hashCode() * 0x9E3779B97F4A7C15L;
        long fingerprint = fingerprint(agent);
        int slot = find(key);
        if (slot >= 0 && expiries[slot] <= nowMillis) {
            // expired but not at the ring's old end (the clock went back): a new window in place
            expiries[slot] = nowMillis + windowMillis;
            agents[slot] = fingerprint;
            return true;
        }
        if (slot >= 0) {
            long seen = agents[slot];
            for (int i = 0; i < AGENTS_PER_ADDRESS; i++) {
                long one = (seen >>> (16 * i)) & 0xFFFF;
                if (one == fingerprint) {
                    return false;
                }
                if (one == 0) {
                    agents[slot] = seen | (fingerprint << (16 * i));
                    return true;
                }
            }
            return false;
        }
        if (size == keys.length) {
            if (keys.length < maxEntries) {
                grow();
            } else {
                removeOldest();
            }
        }
        int at = (head + size) % keys.length;
        keys[at] = key;
        expiries[at] = nowMillis + windowMillis;
        agents[at] = fingerprint;
        size++;
        insertIndex(key, at);
        return true;
    }

    /** Entries held now (for tests and figures). */
    synchronized int size() {
        return size;
    }

    private static long fingerprint(long agent) {
        long f = (agent ^ (agent >>> 16) ^ (agent >>> 32) ^ (agent >>> 48)) & 0xFFFF;
        return f == 0 ? 1 : f;
    }

    private void evictExpired(long nowMillis) {
        while (size > 0 && expiries[head] <= nowMillis) {
            removeOldest();
        }
    }

    private void removeOldest() {
        removeIndex(keys[head], head);
        head = (head + 1) % keys.length;
        size--;
    }

    // --- the index ---

    private int find(long key) {
        int mask = index.length - 1;
        for (int i = spread(key) & mask; index[i] != 0; i = (i + 1) & mask) {
            int slot = index[i] - 1;
            if (keys[slot] == key) {
                return slot;
            }
        }
        return -1;
    }

    private void insertIndex(long key, int slot) {
        int mask = index.length - 1;
        int i = spread(key) & mask;
        while (index[i] != 0) {
            i = (i + 1) & mask;
        }
        index[i] = slot + 1;
    }

    /** Removes ring slot {@code slot} from the index and moves later entries of its probe run back. */
    private void removeIndex(long key, int slot) {
        int mask = index.length - 1;
        int i = spread(key) & mask;
        while (index[i] != slot + 1) {
            i = (i + 1) & mask;
        }
        index[i] = 0;
        for (int j = (i + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
            int home = spread(keys[index[j] - 1]) & mask;
            // the entry at j may move to the hole at i when its home is not in (i, j] (cyclically)
            boolean between = i <= j ? (home > i && home <= j) : (home > i || home <= j);
            if (!between) {
                index[i] = index[j];
                index[j] = 0;
                i = j;
            }
        }
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        expiries = new long[capacity];
        agents = new long[capacity];
        index = new int[Integer.highestOneBit(capacity * 2 - 1) * 2];
        head = 0;
        size = 0;
    }

    /** Doubles the ring (up to the maximum), keeping the arrival order, and indexes it again. */
    private void grow() {
        long[] oldKeys = keys;
        long[] oldExpiries = expiries;
        long[] oldAgents = agents;
        int oldHead = head;
        int count = size;
        allocate(Math.min(oldKeys.length * 2, maxEntries));
        for (int i = 0; i < count; i++) {
            int from = (oldHead + i) % oldKeys.length;
            keys[i] = oldKeys[from];
            expiries[i] = oldExpiries[from];
            agents[i] = oldAgents[from];
            insertIndex(keys[i], i);
        }
        size = count;
    }
}
