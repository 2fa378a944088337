package io.newsroom.news.magnolia;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import io.newsroom.news.article.JcrSessions;

/**
 * The one place that talks to Magnolia: its {@code MgnlContext}, reached by reflection because
 * Magnolia cannot be compiled against here. It hands out JCR sessions of the system context, the
 * way writes from anonymous requests (counting views) must be made in Magnolia.
 * <p>
 * Used: {@code static Session MgnlContext.getJCRSession(String)} and
 * {@code static <T, E extends Throwable> T MgnlContext.doInSystemContext(MgnlContext.Op<T, E>)}
 * where {@code Op} has {@code T exec() throws E}; stable from Magnolia 4.5 to 6.4.
 */
public final class MagnoliaContext {
    static final String CONTEXT_CLASS = "info.magnolia.context.MgnlContext";
    static final String OP_CLASS = CONTEXT_CLASS + "$Op";

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
            Method inSystem = context.getMethod("doInSystemContext", op);
            if (!Session.class.isAssignableFrom(getSession.getReturnType())) {
                throw new IllegalStateException(CONTEXT_CLASS + ".getJCRSession(String) does not return a javax.jcr.Session");
            }
            return new MagnoliaContext(getSession, inSystem, op);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Magnolia is not on the classpath (" + e.getMessage() + " missing): the "
                    + "io.newsroom.news.magnolia classes only run inside a Magnolia 6.4 webapp; use the embedded runtime "
                    + "(io.newsroom.news.site.NewsServer) otherwise", e);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("This Magnolia has no " + e.getMessage() + "; the news module needs "
                    + "Magnolia 6.4 (MgnlContext.getJCRSession and doInSystemContext)", e);
        }
    }

    /** Sessions opened in Magnolia's system context; the caller logs them out as always. */
    public JcrSessions systemSessions() {
        return this::systemSession;
    }

    public Session systemSession(String workspace) throws RepositoryException {
        InvocationHandler exec = (proxy, method, args) -> {
            if ("exec".equals(method.getName())) {
                return invoke(getJcrSession, workspace);
            }
            return switch (method.getName()) {
                case "toString" -> "news system-context operation";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            };
        };
        Object op = Proxy.newProxyInstance(opInterface.getClassLoader(), new Class<?>[] {opInterface}, exec);
        Object session = invoke(doInSystemContext, op);
        return (Session) session;
    }

    private static Object invoke(Method method, Object argument) throws RepositoryException {
        try {
            return method.invoke(null, argument);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RepositoryException r) {
                throw r;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new RepositoryException("Magnolia's " + method.getName() + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call Magnolia's " + method.getName(), e);
        }
    }
}
