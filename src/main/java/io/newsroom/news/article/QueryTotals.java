package io.newsroom.news.article;

import javax.jcr.RepositoryException;
import javax.jcr.query.QueryResult;

/**
 * The total number of hits of a paged query. Jackrabbit's own result knows it from the index
 * ({@code JackrabbitQueryResult.getTotalSize()}); other repositories get a separate count.
 */
final class QueryTotals {

    interface Counter {
        long count() throws RepositoryException;
    }

    private QueryTotals() {
    }

    static long total(QueryResult result, Counter fallback) throws RepositoryException {
        try {
            if (result instanceof org.apache.jackrabbit.api.query.JackrabbitQueryResult jackrabbit) {
                int total = jackrabbit.getTotalSize();
                if (total >= 0) {
                    return total;
                }
            }
        } catch (LinkageError notJackrabbit) {
            // Jackrabbit's API is absent from this classpath: count the other way.
        }
        return fallback.count();
    }
}
