package io.newsroom.news.magnolia;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import javax.jcr.RepositoryException;

/** Calls into Magnolia by reflection, with Magnolia's own exceptions passed on as they were thrown. */
final class MagnoliaCalls {
    private MagnoliaCalls() {}

    /** {@code method} on {@code target} ({@code null} for a static one). */
    static Object call(Method method, Object target, Object... arguments) throws RepositoryException {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RepositoryException r) {
                throw r;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error r) {
                throw r;
            }
            throw new RepositoryException("Magnolia's " + method.getName() + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call Magnolia's " + method.getName(), e);
        }
    }
}
