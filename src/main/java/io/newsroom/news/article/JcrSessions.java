package io.newsroom.news.article;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Where JCR sessions come from: the embedded Jackrabbit, or Magnolia's context through the
 * adapter in the {@code magnolia} package. Callers log the session out when done.
 */
@FunctionalInterface
public interface JcrSessions {
    Session open(String workspace) throws RepositoryException;
}
