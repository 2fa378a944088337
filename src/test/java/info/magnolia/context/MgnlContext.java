package info.magnolia.context;

import javax.jcr.Repository;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.SimpleCredentials;

/**
 * TEST ONLY: a class of the same shape as Magnolia's {@code info.magnolia.context.MgnlContext}, as
 * far as the news module's adapter uses it (public static {@code getJCRSession(String)} and
 * {@code doInSystemContext(Op)} with the nested {@code Op} interface), written from Magnolia's
 * documented signatures. It lets the tests check the adapter's reflective calls against that
 * shape; it is never packed into the module jar. Sessions come from the repository a test sets.
 */
public final class MgnlContext {
    private static volatile Repository repository;
    private static final ThreadLocal<Boolean> SYSTEM = ThreadLocal.withInitial(() -> false);

    /** The operation Magnolia runs in its system context. */
    public interface Op<T, E extends Throwable> {
        T exec() throws E;
    }

    private MgnlContext() {
    }

    /** Test hook: where sessions come from. */
    public static void useRepository(Repository backing) {
        repository = backing;
    }

    public static Session getJCRSession(String workspaceName) throws RepositoryException {
        if (!SYSTEM.get()) {
            throw new IllegalStateException("The news module must open its sessions in the system context");
        }
        return repository.login(new SimpleCredentials("admin", "admin".toCharArray()), workspaceName);
    }

    public static <T, E extends Throwable> T doInSystemContext(Op<T, E> op) throws E {
        boolean before = SYSTEM.get();
        SYSTEM.set(true);
        try {
            return op.exec();
        } finally {
            SYSTEM.set(before);
        }
    }
}
