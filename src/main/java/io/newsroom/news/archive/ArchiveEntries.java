package io.newsroom.news.archive;

import java.util.Arrays;
import java.util.UUID;

/**
 * The archive's articles as columns of primitive arrays, one slot per article, found by identifier
 * through an open-addressing table: about 30 bytes an article where a map of objects would take
 * over 150, which is what lets a million articles fit beside the site in a 512 MB heap. Not thread
 * safe: {@link ArchiveIndex} guards it.
 */
final class ArchiveEntries {
    static final byte PUBLISHED = 1;
    static final byte FEATURED = 2;
    /** It has an English version. */
    static final byte ENGLISH = 4;
    /** Its English version is published. */
    static final byte ENGLISH_PUBLISHED = 8;
    /** An article without posted date sorts after every dated one. */
    static final long NO_DATE = Long.MIN_VALUE;

    private long[] high = new long[1024];
    private long[] low = new long[1024];
    private long[] posted = new long[1024];
    private int[] category = new int[1024];
    private byte[] flags = new byte[1024];
    private int slots;
    private int[] free = new int[16];
    private int freeCount;
    /** Slot + 1 per bucket, 0 when empty; linear probing, at most half full. */
    private int[] buckets = new int[2048];

    private int size;

    int size() {
        return size;
    }

    /** The slot of the article {@code id}, or -1. */
    int find(UUID id) {
        int mask = buckets.length - 1;
        for (int i = bucket(id.getMostSignificantBits(), id.getLeastSignificantBits(), mask);
                buckets[i] != 0;
                i = (i + 1) & mask) {
            int slot = buckets[i] - 1;
            if (high[slot] == id.getMostSignificantBits() && low[slot] == id.getLeastSignificantBits()) {
                return slot;
            }
        }
        return -1;
    }

    /** A new slot for {@code id} (which must not be here yet). */
    int add(UUID id, long postedMillis, int categoryIndex, byte flagBits) {
        int slot = freeCount > 0 ? free[--freeCount] : slots++;
        if (slot >= high.length) {
            int grown = high.length * 2;
            high = Arrays.copyOf(high, grown);
            low = Arrays.copyOf(low, grown);
            posted = Arrays.copyOf(posted, grown);
            category = Arrays.copyOf(category, grown);
            flags = Arrays.copyOf(flags, grown);
        }
        high[slot] = id.getMostSignificantBits();
        low[slot] = id.getLeastSignificantBits();
        set(slot, postedMillis, categoryIndex, flagBits);
        if ((size + 1) * 2 > buckets.length) {
            rehash(buckets.length * 2);
        }
        put(slot);
        size++;
        return slot;
    }

    void set(int slot, long postedMillis, int categoryIndex, byte flagBits) {
        posted[slot] = postedMillis;
        category[slot] = categoryIndex;
        flags[slot] = flagBits;
    }

    /** Whether {@code slot} holds these values already. */
    boolean holds(int slot, long postedMillis, int categoryIndex, byte flagBits) {
        return posted[slot] == postedMillis && category[slot] == categoryIndex && flags[slot] == flagBits;
    }

    /** Frees {@code slot}; it may be handed out again by {@link #add}. */
    void remove(int slot) {
        int mask = buckets.length - 1;
        int i = bucket(high[slot], low[slot], mask);
        while (buckets[i] != slot + 1) {
            i = (i + 1) & mask;
        }
        // Backward-shift deletion: later entries of the probe chain move up so every lookup still finds them.
        buckets[i] = 0;
        for (int j = (i + 1) & mask; buckets[j] != 0; j = (j + 1) & mask) {
            int home = bucket(high[buckets[j] - 1], low[buckets[j] - 1], mask);
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                buckets[i] = buckets[j];
                buckets[j] = 0;
                i = j;
            }
        }
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = slot;
        size--;
    }

    UUID id(int slot) {
        return new UUID(high[slot], low[slot]);
    }

    long posted(int slot) {
        return posted[slot];
    }

    int category(int slot) {
        return category[slot];
    }

    boolean published(int slot) {
        return (flags[slot] & PUBLISHED) != 0;
    }

    byte flags(int slot) {
        return flags[slot];
    }

    boolean featured(int slot) {
        return (flags[slot] & FEATURED) != 0;
    }

    boolean english(int slot) {
        return (flags[slot] & ENGLISH) != 0;
    }

    boolean englishPublished(int slot) {
        return (flags[slot] & ENGLISH_PUBLISHED) != 0;
    }

    /** Listing order: newest posted first, then by identifier so every node of a cluster lists ties alike. */
    int compare(int a, int b) {
        if (posted[a] != posted[b]) {
            return Long.compare(posted[b], posted[a]);
        }
        if (high[a] != high[b]) {
            return Long.compare(high[b], high[a]);
        }
        return Long.compare(low[b], low[a]);
    }

    /** Bytes held per article slot, for the memory figures: the columns and the buckets. */
    long bytes() {
        return (long) high.length * (8 + 8 + 8 + 4 + 1) + (long) buckets.length * 4 + (long) free.length * 4;
    }

    private void put(int slot) {
        int mask = buckets.length - 1;
        int i = bucket(high[slot], low[slot], mask);
        while (buckets[i] != 0) {
            i = (i + 1) & mask;
        }
        buckets[i] = slot + 1;
    }

    private void rehash(int capacity) {
        int[] old = buckets;
        buckets = new int[capacity];
        for (int entry : old) {
            if (entry != 0) {
                put(entry - 1);
            }
        }
    }

    private static int bucket(long high, long low, int mask) {
        long h = high ^ low;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h & mask;
    }
}
