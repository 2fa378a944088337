package info.magnolia.context;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.jcr.Repository;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * TEST ONLY - part of the Magnolia host model (see io.newsroom.news.magnolia.MagnoliaHost): Magnolia's
 * {@code MgnlContext} with its names, signatures and behaviour, as read in Magnolia core's public
 * source ({@code info/magnolia/context/MgnlContext.java}):
 * <ul>
 * <li>the current context is per thread; {@code getInstance()} without one throws
 *     {@code IllegalStateException("MgnlContext is not set for this thread")};</li>
 * <li>{@code getJCRSession} is the current context's cached session ({@link SessionCache});</li>
 * <li>{@code doInSystemContext(op, release)} swaps in the system context, runs the op, releases only
 *     when the op returned normally, and always puts the original context back;</li>
 * <li>{@code release()} releases the current (non-system) context and the system context's sessions
 *     of this thread.</li>
 * </ul>
 * Never packed into the module jar.
 */
public final class MgnlContext {
    private static final ThreadLocal<Context> LOCAL = new ThreadLocal<>();
    private static volatile Repository repository;
    private static volatile SystemContext systemContext;
    /** Workspaces {@code repositories.xml} maps to another repository (a clustered one), by name. */
    private static final Map<String, Repository> MAPPED = new ConcurrentHashMap<>();

    /** An operation run in the system context (Magnolia: {@code MgnlContext.Op}). */
    public interface Op<T, E extends Throwable> {
        T exec() throws E;
    }

    private MgnlContext() {}

    /** Model hook: the repository Magnolia's repository manager would hand sessions from. */
    public static void hostRepository(Repository backing) {
        repository = backing;
        if (backing == null) {
            MAPPED.clear();
        }
        systemContext = backing == null ? null : new SystemContext(backing);
    }

    /** Model hook: the repository itself, for parts of Magnolia that log in on their own. */
    public static Repository repository() {
        Repository current = repository;
        if (current == null) {
            throw new IllegalStateException("The Magnolia host model has no repository");
        }
        return current;
    }

    /**
     * Model hook: {@code repositories.xml} maps {@code workspace} to {@code mapped} ({@code <Map name=".."
     * repositoryName=".."/>}): Magnolia's sessions of that workspace come from there.
     */
    public static void mapWorkspace(String workspace, Repository mapped) {
        MAPPED.put(workspace, mapped);
    }

    /** Model hook: the repository a workspace's sessions come from (its mapped one, else the default). */
    public static Repository repository(String workspace) {
        Repository mapped = MAPPED.get(workspace);
        return mapped != null ? mapped : repository();
    }

    public static boolean hasInstance() {
        return LOCAL.get() != null;
    }

    public static Context getInstance() {
        Context context = LOCAL.get();
        if (context == null) {
            throw new IllegalStateException("MgnlContext is not set for this thread");
        }
        return context;
    }

    public static void setInstance(Context context) {
        if (context == null) {
            LOCAL.remove();
        } else {
            LOCAL.set(context);
        }
    }

    public static SystemContext getSystemContext() {
        SystemContext context = systemContext;
        if (context == null) {
            throw new IllegalStateException("The Magnolia host model has no repository");
        }
        return context;
    }

    public static WebContext getWebContext() {
        if (!(getInstance() instanceof WebContext web)) {
            throw new IllegalStateException("The current context is not a WebContext");
        }
        return web;
    }

    public static Session getJCRSession(String workspaceName) throws RepositoryException {
        return getInstance().getJCRSession(workspaceName);
    }

    public static <T, E extends Throwable> T doInSystemContext(Op<T, E> op) throws E {
        return doInSystemContext(op, false);
    }

    public static <T, E extends Throwable> T doInSystemContext(Op<T, E> op, boolean releaseAfterExecution) throws E {
        Context original = hasInstance() ? getInstance() : null;
        T result;
        try {
            setInstance(getSystemContext());
            result = op.exec();
            // As in Magnolia: released only after a normal return; after a failure the thread keeps
            // its system sessions, with whatever the op left unsaved in them.
            if (releaseAfterExecution) {
                release();
            }
        } finally {
            setInstance(original);
        }
        return result;
    }

    public static void release() {
        if (hasInstance() && !(getInstance() instanceof SystemContext)) {
            getInstance().release();
        }
        getSystemContext().releaseThread();
    }
}
