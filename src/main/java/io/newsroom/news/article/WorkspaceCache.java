package io.newsroom.news.article;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.jcr.RepositoryException;

/**
 * Answers that are expensive in Jackrabbit 2 and stay true until the workspace changes: query
 * totals (only known after reading every hit) and the id lists of a query. Each entry remembers
 * the generation it was computed in; a change moves the generation on and so retires them all.
 */
final class WorkspaceCache {
    private static final int MAX_TOTALS = 1_000;
    private static final int MAX_ID_LISTS = 20;

    /** Computes a value from the repository. */
    interface Loader<T> {
        T load() throws RepositoryException;
    }

    private record Entry(long generation, Object value) {}

    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Entry> totals = new ConcurrentHashMap<>();
    private final Map<String, Entry> idLists = new ConcurrentHashMap<>();

    void invalidate() {
        generation.incrementAndGet();
    }

    long total(String statement, Loader<Long> loader) throws RepositoryException {
        return get(totals, MAX_TOTALS, statement, loader);
    }

    List<String> ids(String statement, Loader<List<String>> loader) throws RepositoryException {
        return get(idLists, MAX_ID_LISTS, statement, () -> List.copyOf(loader.load()));
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Map<String, Entry> entries, int max, String key, Loader<T> loader) throws RepositoryException {
        long current = generation.get();
        Entry cached = entries.get(key);
        if (cached != null && cached.generation() == current) {
            return (T) cached.value();
        }
        T value = loader.load();
        if (entries.size() >= max) {
            entries.clear();
        }
        entries.put(key, new Entry(current, value));
        return value;
    }
}
