package io.newsroom.news.magnolia;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.jcr.Session;

/**
 * TEST ONLY - one Magnolia webapp of a deployment (an author or a public instance): the module's
 * classes and the Magnolia host model loaded by a class loader of their own, as a servlet container
 * gives each webapp. So each instance has its own {@code MgnlContext}, {@code Components} and running
 * module, as separate Magnolia instances have; libraries (Jackrabbit, Jetty, JCR) are shared from the
 * parent, and only JDK and JCR types cross between the test and an instance.
 */
final class MagnoliaWebapp implements AutoCloseable {
    private static final List<String> OWN = List.of("io.newsroom.", "info.magnolia.");
    private final URLClassLoader loader;
    private final Object host;
    final String name;

    private MagnoliaWebapp(String name, URLClassLoader loader, Object host) {
        this.name = name;
        this.loader = loader;
        this.host = host;
    }

    /**
     * Starts an instance whose repository is in {@code home}, with {@code news-stats} mapped to the cluster
     * database {@code clusterUrl} as node {@code nodeId}, and these {@code magnolia.properties}.
     */
    static MagnoliaWebapp start(
            String name,
            Path home,
            boolean author,
            Map<?, ?> siteI18n,
            Map<String, String> properties,
            String clusterUrl,
            String clusterUser)
            throws Exception {
        URLClassLoader loader = new ChildFirst(new URL[] {
            Path.of("target", "classes").toUri().toURL(),
            Path.of("target", "test-classes").toUri().toURL()
        });
        try {
            Class<?> type = loader.loadClass(MagnoliaHost.class.getName());
            Method start = type.getMethod(
                    "start", Path.class, boolean.class, Map.class, Map.class, String.class, String.class, String.class);
            return new MagnoliaWebapp(
                    name,
                    loader,
                    invoke(start, null, home, author, siteI18n, properties, clusterUrl, clusterUser, name));
        } catch (Exception | Error e) {
            loader.close();
            throw e;
        }
    }

    URI uri(String path) throws Exception {
        return (URI) call("uri", path);
    }

    Session adminSession(String workspace) throws Exception {
        return (Session) call("adminSession", workspace);
    }

    /** Calls the instance's {@link MagnoliaHost} method {@code method} with these arguments (JDK types only). */
    Object call(String method, Object... arguments) throws Exception {
        for (Method m : host.getClass().getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == arguments.length) {
                return invoke(m, host, arguments);
            }
        }
        throw new NoSuchMethodException(method);
    }

    private static Object invoke(Method method, Object target, Object... arguments) throws Exception {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            ((AutoCloseable) host).close();
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            loader.close();
        }
    }

    /** The webapp's own classes first (the module and Magnolia's), everything else from the parent. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL[] urls) {
            super(urls, MagnoliaWebapp.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (OWN.stream().noneMatch(name::startsWith)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
