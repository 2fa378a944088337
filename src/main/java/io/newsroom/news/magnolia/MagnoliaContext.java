package io.newsroom.news.magnolia;

import io.newsroom.news.article.JcrSessions;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Units of work in Magnolia's system context, through {@code MgnlContext} reached by reflection
 * (Magnolia cannot be compiled against here). Magnolia's rules, from its core source
 * ({@code MgnlContext}, {@code AbstractRepositoryStrategy}, {@code JCRSessionPerThreadSystemContext}):
 * <ul>
 * <li>{@code getJCRSession} hands out the context's cached session of the thread; it is never
 *     logged out here (a logged-out session would stay in the cache, dead, for the thread's next call);</li>
 * <li>{@code doInSystemContext(op, true)} runs the op in the system context and releases the
 *     thread's system sessions afterwards, but only when the op returned normally: after a failure
 *     the work's unsaved changes are discarded here with {@code refresh(false)};</li>
 * <li>a release logs out every system session of the thread, so work nested inside another unit of
 *     work on the same thread (a reader that asks for view counts) runs inside the outer one and
 *     leaves the releasing to it.</li>
 * </ul>
 */
public final class MagnoliaContext implements JcrSessions {
    static final String CONTEXT_CLASS = "info.magnolia.context.MgnlContext";
    static final String OP_CLASS = CONTEXT_CLASS + "$Op";
    private static final Logger LOG = LoggerFactory.getLogger(MagnoliaContext.class);
    /** How deep this thread is inside units of work started here (0: none). */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final Method getJcrSession;
    private final Method doInSystemContext;
    private final Class<?> opInterface;

    private MagnoliaContext(Method getJcrSession, Method doInSystemContext, Class<?> opInterface) {
        this.getJcrSession = getJcrSession;
        this.doInSystemContext = doInSystemContext;
        this.opInterface = opInterface;
    }

    /**
     * Finds Magnolia's context on the classpath.
     *
     * @throws IllegalStateException naming what is missing, when this does not run inside Magnolia
     */
    public static MagnoliaContext find() {
        return find(MagnoliaContext.class.getClassLoader());
    }

    static MagnoliaContext find(ClassLoader loader) {
        try {
            Class<?> context = Class.forName(CONTEXT_CLASS, true, loader);
            Class<?> op = Class.forName(OP_CLASS, true, loader);
            Method getSession = context.getMethod("getJCRSession", String.class);
            Method inSystem = context.getMethod("doInSystemContext", op, boolean.class);
            if (!Session.class.isAssignableFrom(getSession.getReturnType())) {
                throw new IllegalStateException(
                        CONTEXT_CLASS + ".getJCRSession(String) does not return a javax.jcr.Session");
            }
            return new MagnoliaContext(getSession, inSystem, op);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "Magnolia is not on the classpath (" + e.getMessage() + " missing): the "
                            + "io.newsroom.news.magnolia classes only run inside a Magnolia 6.4 webapp; use the embedded runtime "
                            + "(io.newsroom.news.embedded.server.NewsServer) otherwise",
                    e);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(
                    "This Magnolia has no " + e.getMessage() + "; the news module needs "
                            + "Magnolia 6.4 (MgnlContext.getJCRSession and doInSystemContext(Op, boolean))",
                    e);
        }
    }

    @Override
    public <T> T run(String workspace, Work<T> work) throws RepositoryException {
        int[] depth = DEPTH.get();
        if (depth[0] > 0) {
            return runInContext(workspace, work);
        }
        depth[0]++;
        try {
            return inSystemContext(() -> runInContext(workspace, work));
        } finally {
            depth[0]--;
        }
    }

    /** Runs {@code action} in the system context, releasing the thread's system sessions after it. */
    <T> T inSystemContext(Action<T> action) throws RepositoryException {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "exec" -> action.run();
            case "toString" -> "news system-context operation";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException(method.getName());
        };
        Object op = Proxy.newProxyInstance(opInterface.getClassLoader(), new Class<?>[] {opInterface}, handler);
        @SuppressWarnings("unchecked")
        T result = (T) MagnoliaCalls.call(doInSystemContext, null, op, true);
        return result;
    }

    /** Work to run in the system context. */
    @FunctionalInterface
    interface Action<T> {
        T run() throws RepositoryException;
    }

    private <T> T runInContext(String workspace, Work<T> work) throws RepositoryException {
        Session session = (Session) MagnoliaCalls.call(getJcrSession, null, workspace);
        try {
            return work.run(session);
        } catch (RepositoryException | RuntimeException | Error e) {
            discardChanges(session);
            throw e;
        }
    }

    private static void discardChanges(Session session) {
        try {
            if (session.isLive() && session.hasPendingChanges()) {
                session.refresh(false);
            }
        } catch (RepositoryException e) {
            LOG.warn("Could not discard the unsaved changes of a failed unit of work: {}", e.toString());
        }
    }
}
