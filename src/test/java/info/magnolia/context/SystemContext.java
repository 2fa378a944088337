package info.magnolia.context;

import javax.jcr.Repository;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.SimpleCredentials;

/**
 * TEST ONLY - Magnolia host model: the system context as {@code JCRSessionPerThreadSystemContext}
 * keeps it: one {@link SessionCache} per thread (sessions of the system user, full rights),
 * released by {@code releaseThread()} with the observation check of {@code SystemRepositoryStrategy}.
 */
public final class SystemContext implements Context {
    private final ThreadLocal<SessionCache> perThread;

    SystemContext(Repository repository) {
        SimpleCredentials system = new SimpleCredentials("admin", "admin".toCharArray());
        this.perThread = ThreadLocal.withInitial(() -> new SessionCache(system));
    }

    @Override
    public Session getJCRSession(String workspaceName) throws RepositoryException {
        return perThread.get().get(workspaceName);
    }

    @Override
    public void release() {
        // Magnolia's system context is never released as a whole; MgnlContext.release() releases its thread.
    }

    public void releaseThread() {
        perThread.get().release(true);
        perThread.remove();
    }
}
