package info.magnolia.context;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

/** TEST ONLY - Magnolia host model: {@code info.magnolia.context.Context}, as far as the module meets it. */
public interface Context {
    Session getJCRSession(String workspaceName) throws RepositoryException;

    void release();
}
