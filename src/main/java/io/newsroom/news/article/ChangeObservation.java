package io.newsroom.news.article;

import javax.jcr.RepositoryException;

/**
 * How caches hear about changes to a workspace made by anyone (an editor in Magnolia's app,
 * another instance, an import). The host owns the session the listener hangs on: the embedded
 * runtime logs one in for it, Magnolia keeps its own behind
 * {@code WorkspaceEventListenerRegistration}. A listener never hangs on a borrowed session.
 */
@FunctionalInterface
public interface ChangeObservation {

    /** Stops the notifications of one {@link #observe} call. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code onChange} after nodes or properties anywhere in {@code workspace} changed. */
    Registration observe(String workspace, Runnable onChange) throws RepositoryException;
}
