package info.magnolia.context;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.jcr.Credentials;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * TEST ONLY - Magnolia host model: {@code AbstractRepositoryStrategy} (Magnolia core). One session per
 * workspace, made on first use and then handed out again without checking {@code isLive()}: a
 * session someone logged out stays in the cache, dead, until the context is released. A release
 * logs out every session, except (when asked to check observation, as the system context does)
 * a session with registered listeners, which is only dropped from the cache.
 */
final class SessionCache {
    /** Sessions logged in by all caches and not logged out yet: the model's leak check. */
    static final AtomicInteger OPEN = new AtomicInteger();

    private final Map<String, Session> sessions = new HashMap<>();
    private final Credentials credentials;

    SessionCache(Credentials credentials) {
        this.credentials = credentials;
    }

    Session get(String workspace) throws RepositoryException {
        Session session = sessions.get(workspace);
        if (session == null) {
            session = MgnlContext.repository(workspace).login(credentials, workspace);
            OPEN.incrementAndGet();
            sessions.put(workspace, session);
        }
        return session;
    }

    void release(boolean checkObservation) {
        for (Session session : sessions.values()) {
            if (!session.isLive()) {
                OPEN.decrementAndGet();
                continue;
            }
            try {
                boolean listening = session.getWorkspace()
                        .getObservationManager()
                        .getRegisteredEventListeners()
                        .hasNext();
                if (!checkObservation || !listening) {
                    session.logout();
                    OPEN.decrementAndGet();
                }
            } catch (RepositoryException e) {
                throw new IllegalStateException(e);
            }
        }
        sessions.clear();
    }
}
