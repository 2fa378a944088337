package io.newsroom.news.archive;

import io.newsroom.news.article.ArticleSummary;
import io.newsroom.news.article.Publication;
import io.newsroom.news.article.Slugs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The archive's listings in memory: the entries, the newest-first order of all articles, of each
 * category and of the featured ones, and the category names; read under a shared lock, changed under
 * an exclusive one, a batch at a time. {@link ArchiveIndex} decides when and what to change.
 */
final class ArchiveListings {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ArchiveEntries entries = new ArchiveEntries();
    private final SlotOrder all = new SlotOrder(entries);
    private final SlotOrder featured = new SlotOrder(entries);
    /** The articles with an English version (the English site's listings filter it). */
    private final SlotOrder english = new SlotOrder(entries);

    private final List<String> categoryNames = new ArrayList<>();
    private final Map<String, Integer> categoryIndexes = new HashMap<>();
    private final List<SlotOrder> byCategory = new ArrayList<>();

    /**
     * One page of a listing, newest first.
     *
     * @param publishedOnly readers of an instance where editors work see published articles only
     * @param category      one category's listing, or null for all
     * @param now           articles posted after it are left out (they are scheduled)
     */
    ArchivePage page(boolean publishedOnly, String category, Instant now, long offset, int limit) {
        return page(publishedOnly, category, null, now, offset, limit);
    }

    /**
     * The same in {@code language}: for English, the articles with an English version (published, for
     * {@code publishedOnly}), counted by going through that listing (the English site's is the smaller).
     */
    ArchivePage page(boolean publishedOnly, String category, String language, Instant now, long offset, int limit) {
        if (isEnglish(language)) {
            return reading(() -> {
                // All English versions: the English listing; one category's: that category's listing, where about
                // one article in so many has an English version. Totals as the listings keep them; only the part
                // of the listing up to the page is read.
                SlotOrder order = category == null ? english : order(category);
                if (order == null) {
                    return new ArchivePage(List.of(), 0);
                }
                java.util.function.IntPredicate shown = publishedOnly ? entries::englishPublished : entries::english;
                int first = order.firstPostedBy(now.toEpochMilli());
                long total =
                        (publishedOnly ? order.englishPublished() : order.english()) - count(order, 0, first, shown);
                List<String> ids = new ArrayList<>(Math.min(limit, 64));
                long skipped = 0;
                for (int i = first; i < order.size() && ids.size() < limit; i++) {
                    int slot = order.slot(i);
                    if (shown.test(slot) && skipped++ >= offset) {
                        ids.add(entries.id(slot).toString());
                    }
                }
                return new ArchivePage(ids, total);
            });
        }
        return reading(() -> {
            SlotOrder order = order(category);
            if (order == null) {
                return new ArchivePage(List.of(), 0);
            }
            int first = order.firstPostedBy(now.toEpochMilli());
            long total = publishedOnly ? order.published() - published(order, 0, first) : order.size() - first;
            List<String> ids = new ArrayList<>(Math.min(limit, 64));
            long skipped = 0;
            for (int i = first; i < order.size() && ids.size() < limit; i++) {
                int slot = order.slot(i);
                if (publishedOnly && !entries.published(slot)) {
                    continue;
                }
                if (skipped++ >= offset) {
                    ids.add(entries.id(slot).toString());
                }
            }
            return new ArchivePage(ids, total);
        });
    }

    /** The scheduled articles (posted after {@code now}), soonest first, at most {@code limit}. */
    List<String> scheduled(boolean publishedOnly, String category, Instant now, int limit) {
        return scheduled(publishedOnly, category, null, now, limit);
    }

    List<String> scheduled(boolean publishedOnly, String category, String language, Instant now, int limit) {
        if (isEnglish(language)) {
            return reading(() -> {
                Integer wanted = category == null ? null : categoryIndexes.get(category);
                List<String> ids = new ArrayList<>();
                if (category != null && wanted == null) {
                    return ids;
                }
                for (int i = english.firstPostedBy(now.toEpochMilli()) - 1; i >= 0 && ids.size() < limit; i--) {
                    int slot = english.slot(i);
                    if (inEnglishListing(slot, publishedOnly, wanted)) {
                        ids.add(entries.id(slot).toString());
                    }
                }
                return ids;
            });
        }
        return reading(() -> {
            SlotOrder order = order(category);
            List<String> ids = new ArrayList<>();
            if (order == null) {
                return ids;
            }
            for (int i = order.firstPostedBy(now.toEpochMilli()) - 1; i >= 0 && ids.size() < limit; i--) {
                int slot = order.slot(i);
                if (!publishedOnly || entries.published(slot)) {
                    ids.add(entries.id(slot).toString());
                }
            }
            return ids;
        });
    }

    /** The featured articles (scheduled ones too), newest first, at most {@code limit}. */
    List<String> featured(boolean publishedOnly, String category, int limit) {
        return featured(publishedOnly, category, null, limit);
    }

    List<String> featured(boolean publishedOnly, String category, String language, int limit) {
        boolean inEnglish = isEnglish(language);
        return reading(() -> {
            Integer wanted = category == null ? null : categoryIndexes.get(category);
            List<String> ids = new ArrayList<>();
            if (category != null && wanted == null) {
                return ids;
            }
            for (int i = 0; i < featured.size() && ids.size() < limit; i++) {
                int slot = featured.slot(i);
                boolean listed = inEnglish
                        ? inEnglishListing(slot, publishedOnly, wanted)
                        : (!publishedOnly || entries.published(slot))
                                && (wanted == null || entries.category(slot) == wanted);
                if (listed) {
                    ids.add(entries.id(slot).toString());
                }
            }
            return ids;
        });
    }

    private static boolean isEnglish(String language) {
        return io.newsroom.news.article.Article.isTranslatedLanguage(language);
    }

    /** In the English listing asked for: of category {@code wanted} (null: any), English version published if asked. */
    private boolean inEnglishListing(int slot, boolean publishedOnly, Integer wanted) {
        return entries.english(slot)
                && (!publishedOnly || entries.englishPublished(slot))
                && (wanted == null || entries.category(slot) == wanted);
    }

    /** The categories of listed articles (drafts' too), sorted as people read them (case aside). */
    List<String> categories() {
        return reading(() -> {
            TreeMap<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 0; i < categoryNames.size(); i++) {
                if (byCategory.get(i).size() > 0) {
                    sorted.putIfAbsent(categoryNames.get(i), categoryNames.get(i));
                }
            }
            return List.copyOf(sorted.values());
        });
    }

    /**
     * The category whose address is {@code slug} ({@code thong-bao} for "Thông báo"); when several
     * names fold to it (made before such names were refused), the one with the most articles.
     */
    Optional<String> categoryBySlug(String slug) {
        return reading(() -> {
            String best = null;
            int most = 0;
            for (int i = 0; i < categoryNames.size(); i++) {
                int size = byCategory.get(i).size();
                if (size > most && Slugs.fromTitle(categoryNames.get(i)).equals(slug)) {
                    best = categoryNames.get(i);
                    most = size;
                }
            }
            return Optional.ofNullable(best);
        });
    }

    /** A page of every article whatever its posted date, newest first, of one state ({@code ANY}: all). */
    ArchivePage byState(Publication.Filter state, String category, long offset, int limit) {
        return reading(() -> {
            SlotOrder order = order(category);
            if (order == null) {
                return new ArchivePage(List.of(), 0);
            }
            long total = switch (state) {
                case PUBLISHED -> order.published();
                case DRAFTS -> order.size() - order.published();
                default -> order.size();
            };
            List<String> ids = new ArrayList<>();
            long skipped = 0;
            for (int i = 0; i < order.size() && ids.size() < limit; i++) {
                int slot = order.slot(i);
                boolean published = entries.published(slot);
                if ((state == Publication.Filter.PUBLISHED && !published)
                        || (state == Publication.Filter.DRAFTS && published)) {
                    continue;
                }
                if (skipped++ >= offset) {
                    ids.add(entries.id(slot).toString());
                }
            }
            return new ArchivePage(ids, total);
        });
    }

    /** Articles listed (not in the trash, with a posted date). */
    int size() {
        return reading(() -> {
            return entries.size();
        });
    }

    /** The heap the index holds, in bytes (arrays only; the category names are few). */
    long bytes() {
        return reading(() -> {
            long bytes = entries.bytes() + all.bytes() + featured.bytes() + english.bytes();
            for (SlotOrder order : byCategory) {
                bytes += order.bytes();
            }
            return bytes;
        });
    }

    /**
     * Puts {@code summaries} in the listings; {@code checked} are identifiers read for this batch: those
     * without a summary are gone (removed, or not an article) and leave the listings. {@code seen}, when
     * not null, gets the slot of every article found.
     */
    void apply(List<ArticleSummary> summaries, Set<String> checked, BitSet seen) {
        lock.writeLock().lock();
        try {
            BitSet changed = new BitSet();
            Touched touched = new Touched();
            List<Integer> freed = new ArrayList<>();
            Set<String> present = new HashSet<>();
            List<Integer> listed = new ArrayList<>();
            for (ArticleSummary summary : summaries) {
                present.add(summary.id());
                if (!isUuid(summary.id())) {
                    continue;
                }
                UUID id = UUID.fromString(summary.id());
                int slot = entries.find(id);
                boolean listable = !summary.trashed() && summary.postedDate() != null;
                if (!listable) {
                    if (slot >= 0) {
                        touched.add(slot);
                        changed.set(slot);
                        freed.add(slot);
                    }
                    continue;
                }
                int category = categoryIndex(summary.category());
                byte flags = (byte) ((summary.published() ? ArchiveEntries.PUBLISHED : 0)
                        | (summary.featured() ? ArchiveEntries.FEATURED : 0)
                        | (summary.english() ? ArchiveEntries.ENGLISH : 0)
                        | (summary.englishPublished() ? ArchiveEntries.ENGLISH_PUBLISHED : 0));
                long posted = summary.postedDate().toEpochMilli();
                if (seen != null && slot >= 0) {
                    seen.set(slot);
                }
                if (slot >= 0 && entries.holds(slot, posted, category, flags)) {
                    continue; // a change that moves nothing (a title, a body): no listing is copied
                }
                if (slot >= 0) {
                    touched.add(slot);
                    changed.set(slot);
                    entries.set(slot, posted, category, flags);
                } else {
                    slot = entries.add(id, posted, category, flags);
                    if (seen != null) {
                        seen.set(slot);
                    }
                }
                listed.add(slot);
            }
            for (String id : checked) {
                if (!present.contains(id)) {
                    int slot = entries.find(UUID.fromString(id));
                    if (slot >= 0) {
                        touched.add(slot);
                        changed.set(slot);
                        freed.add(slot);
                    }
                }
            }
            if (changed.isEmpty() && listed.isEmpty()) {
                return;
            }
            int[] added = listed.stream().mapToInt(Integer::intValue).toArray();
            all.replace(changed, added);
            featured.replace(
                    changed,
                    listed.stream()
                            .filter(entries::featured)
                            .mapToInt(Integer::intValue)
                            .toArray());
            // The English listing and the categories' are copied only where a changed article was or now is.
            int[] englishNow = listed.stream()
                    .filter(entries::english)
                    .mapToInt(Integer::intValue)
                    .toArray();
            if (englishNow.length > 0 || touched.wasEnglish()) {
                english.replace(changed, englishNow);
            }
            for (int c = 0; c < byCategory.size(); c++) {
                int wanted = c;
                int[] mine = listed.stream()
                        .filter(s -> entries.category(s) == wanted)
                        .mapToInt(Integer::intValue)
                        .toArray();
                if (mine.length > 0 || touched.wasIn(c)) {
                    byCategory.get(c).replace(changed, mine);
                }
            }
            freed.forEach(entries::remove);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Where the changed articles were before the change: the listings that must let them go. */
    private final class Touched {
        private final Set<Integer> categories = new HashSet<>();
        private boolean english;

        /** Read before the slot's entry changes. */
        void add(int slot) {
            categories.add(entries.category(slot));
            english |= entries.english(slot);
        }

        boolean wasIn(int category) {
            return categories.contains(category);
        }

        boolean wasEnglish() {
            return english;
        }
    }

    /** Fills the empty listings from a kept index (its entries in listing order: no sort needed). */
    void load(ArchiveSnapshot.Contents contents) {
        lock.writeLock().lock();
        try {
            int[] mine = new int[contents.categories().size()];
            for (int c = 0; c < mine.length; c++) {
                mine[c] = categoryIndex(contents.categories().get(c));
            }
            int[] listed = new int[contents.entries().size()];
            List<List<Integer>> perCategory = new ArrayList<>();
            List<Integer> featuredSlots = new ArrayList<>();
            List<Integer> englishSlots = new ArrayList<>();
            for (int i = 0; i < listed.length; i++) {
                ArchiveSnapshot.Entry entry = contents.entries().get(i);
                int category = entry.category() < 0 ? -1 : mine[entry.category()];
                int slot = entries.add(entry.id(), entry.posted(), category, entry.flags());
                listed[i] = slot;
                if (category >= 0) {
                    while (perCategory.size() <= category) {
                        perCategory.add(new ArrayList<>());
                    }
                    perCategory.get(category).add(slot);
                }
                if (entries.featured(slot)) {
                    featuredSlots.add(slot);
                }
                if (entries.english(slot)) {
                    englishSlots.add(slot);
                }
            }
            // Stored in listing order: every listing is filled as it is, without a sort.
            all.setSorted(listed);
            featured.setSorted(
                    featuredSlots.stream().mapToInt(Integer::intValue).toArray());
            english.setSorted(englishSlots.stream().mapToInt(Integer::intValue).toArray());
            for (int c = 0; c < perCategory.size(); c++) {
                byCategory
                        .get(c)
                        .setSorted(perCategory.get(c).stream()
                                .mapToInt(Integer::intValue)
                                .toArray());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** {@code read} under the read lock: many readers at once, never beside a change. */
    private <T> T reading(Supplier<T> read) {
        lock.readLock().lock();
        try {
            return read.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Takes out what the check did not see (nor any change heard during it); how many. */
    int removeUnseen(BitSet seen) {
        lock.writeLock().lock();
        try {
            BitSet unseen = listedSlots();
            unseen.andNot(seen);
            drop(unseen);
            return unseen.cardinality();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Empties every listing (a bulk change of unknown extent: the index is read again). */
    void clear() {
        lock.writeLock().lock();
        try {
            drop(listedSlots());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The slot of every listed article (every one is in the listing of all). */
    private BitSet listedSlots() {
        BitSet slots = new BitSet();
        for (int i = 0; i < all.size(); i++) {
            slots.set(all.slot(i));
        }
        return slots;
    }

    /** Takes {@code slots} out of every listing and frees them; under the write lock. */
    private void drop(BitSet slots) {
        if (slots.isEmpty()) {
            return;
        }
        all.replace(slots, new int[0]);
        featured.replace(slots, new int[0]);
        english.replace(slots, new int[0]);
        byCategory.forEach(order -> order.replace(slots, new int[0]));
        slots.stream().forEach(entries::remove);
    }

    /** Writes the listings to {@code file} for the next start. */
    void write(Path file) throws IOException {
        lock.readLock().lock();
        try {
            ArchiveSnapshot.write(file, List.copyOf(categoryNames), new ArchiveSnapshot.EntrySource() {
                @Override
                public int size() {
                    return all.size();
                }

                @Override
                public ArchiveSnapshot.Entry entry(int position) {
                    int slot = all.slot(position);
                    return new ArchiveSnapshot.Entry(
                            entries.id(slot), entries.posted(slot), entries.category(slot), entries.flags(slot));
                }
            });
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The number of {@code category}'s listing, made on first sight; -1 for none. */
    private int categoryIndex(String category) {
        if (category == null || category.isBlank()) {
            return -1;
        }
        Integer index = categoryIndexes.get(category);
        if (index == null) {
            index = categoryNames.size();
            categoryNames.add(category);
            categoryIndexes.put(category, index);
            byCategory.add(new SlotOrder(entries));
        }
        return index;
    }

    private SlotOrder order(String category) {
        if (category == null) {
            return all;
        }
        Integer index = categoryIndexes.get(category);
        return index == null ? null : byCategory.get(index);
    }

    private static int count(SlotOrder order, int from, int to, java.util.function.IntPredicate counted) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (counted.test(order.slot(i))) {
                n++;
            }
        }
        return n;
    }

    private int published(SlotOrder order, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (entries.published(order.slot(i))) {
                n++;
            }
        }
        return n;
    }

    static boolean isUuid(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
