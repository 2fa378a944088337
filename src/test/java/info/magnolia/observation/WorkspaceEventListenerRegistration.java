package info.magnolia.observation;

import info.magnolia.context.MgnlContext;
import java.util.concurrent.atomic.AtomicInteger;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.SimpleCredentials;
import javax.jcr.observation.Event;
import javax.jcr.observation.EventListener;

/**
 * TEST ONLY - Magnolia host model: Magnolia 6's {@code WorkspaceEventListenerRegistration}, used by
 * modules as {@code observe(workspace, path, listener).withSubNodes(true).register()} (public 6.x
 * modules; magnolia-facts.md "How Magnolia runs a module"). The registration keeps a session of its
 * own for as long as it is registered; {@code Handle.unregister()} removes the listener and logs the
 * session out.
 */
public final class WorkspaceEventListenerRegistration {
    /** Registrations not unregistered yet: the model's leak check. */
    public static final AtomicInteger ACTIVE = new AtomicInteger();

    private WorkspaceEventListenerRegistration() {}

    public static Prepare observe(String workspace, String observationPath, EventListener eventListener) {
        return new Prepare(workspace, observationPath, eventListener);
    }

    /** What {@code register()} returns. */
    public interface Handle {
        void unregister() throws RepositoryException;
    }

    /** The registration being prepared. */
    public static final class Prepare {
        private static final int ALL = Event.NODE_ADDED
                | Event.NODE_REMOVED
                | Event.NODE_MOVED
                | Event.PROPERTY_ADDED
                | Event.PROPERTY_CHANGED
                | Event.PROPERTY_REMOVED;
        private final String workspace;
        private final String path;
        private final EventListener listener;
        private boolean subNodes;
        private int eventTypes = ALL;

        private Prepare(String workspace, String path, EventListener listener) {
            this.workspace = workspace;
            this.path = path;
            this.listener = listener;
        }

        public Prepare withSubNodes(boolean includeSubNodes) {
            this.subNodes = includeSubNodes;
            return this;
        }

        public Prepare withEventTypesMask(int mask) {
            this.eventTypes = mask;
            return this;
        }

        public Prepare withDelay(Long delay, Long maxDelay) {
            return this;
        }

        public Handle register() throws RepositoryException {
            // A session of its own, as the system user, not the system context's cached one.
            Session own = MgnlContext.repository(workspace)
                    .login(new SimpleCredentials("admin", "admin".toCharArray()), workspace);
            own.getWorkspace()
                    .getObservationManager()
                    .addEventListener(listener, eventTypes, path, subNodes, null, null, false);
            ACTIVE.incrementAndGet();
            return () -> {
                if (own.isLive()) {
                    own.getWorkspace().getObservationManager().removeEventListener(listener);
                    own.logout();
                    ACTIVE.decrementAndGet();
                }
            };
        }
    }
}
