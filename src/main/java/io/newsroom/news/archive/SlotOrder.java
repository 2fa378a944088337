package io.newsroom.news.archive;

import java.util.Arrays;
import java.util.BitSet;

/**
 * One listing of the archive (all articles, one category, the featured ones) as slots in listing
 * order, newest first. A batch of changes is merged in one pass, so an edit costs a copy of the
 * array (about a millisecond at a million articles) and a bulk import never degrades to one
 * insertion per article.
 */
final class SlotOrder {
    private static final int[] NONE = new int[0];

    private final ArchiveEntries entries;
    private final java.util.function.IntPredicate counted;
    private int[] slots = NONE;
    private int published;

    SlotOrder(ArchiveEntries entries) {
        this(entries, entries::published);
    }

    /** A listing whose {@link #published} counts the slots {@code counted} accepts (the English one: English published). */
    SlotOrder(ArchiveEntries entries, java.util.function.IntPredicate counted) {
        this.entries = entries;
        this.counted = counted;
    }

    int size() {
        return slots.length;
    }

    /** Published articles in this listing (posted or not; for the English listing, English versions published). */
    int published() {
        return published;
    }

    int slot(int position) {
        return slots[position];
    }

    /**
     * Takes out every slot in {@code changed} and merges in {@code added} (slots whose entries hold
     * their new values; a changed article that stays is in both).
     */
    void replace(BitSet changed, int[] added) {
        Integer[] boxed = Arrays.stream(added).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, entries::compare);
        int kept = 0;
        for (int slot : slots) {
            if (!changed.get(slot)) {
                kept++;
            }
        }
        int[] merged = new int[kept + boxed.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < slots.length || j < boxed.length) {
            if (i < slots.length && changed.get(slots[i])) {
                i++;
            } else if (j == boxed.length || (i < slots.length && entries.compare(slots[i], boxed[j]) <= 0)) {
                merged[k++] = slots[i++];
            } else {
                merged[k++] = boxed[j++];
            }
        }
        slots = merged;
        int count = 0;
        for (int slot : merged) {
            if (counted.test(slot)) {
                count++;
            }
        }
        published = count;
    }

    /** Takes {@code sorted} (slots already in listing order) as the whole listing. */
    void setSorted(int[] sorted) {
        slots = sorted;
        int count = 0;
        for (int slot : sorted) {
            if (counted.test(slot)) {
                count++;
            }
        }
        published = count;
    }

    /** The first position whose article was posted at or before {@code millis} (before it: the scheduled). */
    int firstPostedBy(long millis) {
        int lo = 0;
        int hi = slots.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.posted(slots[mid]) > millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    long bytes() {
        return (long) slots.length * 4;
    }
}
