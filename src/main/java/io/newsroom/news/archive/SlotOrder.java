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
    private int[] slots = NONE;
    /** Kept with every change, so a listing's totals are read, not counted: see {@link #count}. */
    private int published;

    private int english;
    private int englishPublished;

    SlotOrder(ArchiveEntries entries) {
        this.entries = entries;
    }

    int size() {
        return slots.length;
    }

    /** Published articles in this listing (posted or not). */
    int published() {
        return published;
    }

    /** Articles of this listing with an English version (posted or not). */
    int english() {
        return english;
    }

    /** Articles of this listing whose English version is published (posted or not). */
    int englishPublished() {
        return englishPublished;
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
        count();
    }

    /** The listing's totals, counted again after a change (one pass over flags already in memory). */
    private void count() {
        int p = 0;
        int e = 0;
        int ep = 0;
        for (int slot : slots) {
            // One read of the slot's flags for the three totals (they lie far apart in memory at a million).
            byte flags = entries.flags(slot);
            p += (flags & ArchiveEntries.PUBLISHED) != 0 ? 1 : 0;
            e += (flags & ArchiveEntries.ENGLISH) != 0 ? 1 : 0;
            ep += (flags & ArchiveEntries.ENGLISH_PUBLISHED) != 0 ? 1 : 0;
        }
        published = p;
        english = e;
        englishPublished = ep;
    }

    /** Takes {@code sorted} (slots already in listing order) as the whole listing. */
    void setSorted(int[] sorted) {
        slots = sorted;
        count();
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
