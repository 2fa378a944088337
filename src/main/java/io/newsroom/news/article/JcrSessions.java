package io.newsroom.news.article;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Where units of work get their JCR session: the embedded Jackrabbit (a session logged in for the
 * work and logged out after it), or Magnolia's system context through the adapter in the
 * {@code magnolia} package (Magnolia's own cached session, never logged out by us). Callers never
 * keep the session beyond {@link Work#run}, and never log it out.
 */
public interface JcrSessions {

    /** One unit of work on one workspace. */
    @FunctionalInterface
    interface Work<T> {
        T run(Session session) throws RepositoryException;
    }

    /**
     * Runs {@code work} with a session of {@code workspace}. When the work fails, its unsaved changes
     * are discarded before the exception goes on, so the next unit of work starts clean.
     */
    <T> T run(String workspace, Work<T> work) throws RepositoryException;
}
