package io.newsroom.news.magnolia;

import io.newsroom.news.article.ChangeObservation;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.function.Consumer;
import javax.jcr.RepositoryException;
import javax.jcr.observation.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Change listeners registered the way Magnolia 6 modules register them:
 * {@code WorkspaceEventListenerRegistration.observe(workspace, "/", listener).withSubNodes(true).register()},
 * reached by reflection. Magnolia keeps the session the listener hangs on; the returned handle's
 * {@code unregister()} stops it. A listener on a session borrowed from a context would stop hearing
 * anything once that context is released.
 */
final class MagnoliaObservation implements ChangeObservation {
    static final String REGISTRATION_CLASS = "info.magnolia.observation.WorkspaceEventListenerRegistration";
    private static final Logger LOG = LoggerFactory.getLogger(MagnoliaObservation.class);

    private final Method observe;

    private MagnoliaObservation(Method observe) {
        this.observe = observe;
    }

    static MagnoliaObservation find(ClassLoader loader) {
        try {
            Class<?> registration = Class.forName(REGISTRATION_CLASS, true, loader);
            return new MagnoliaObservation(
                    registration.getMethod("observe", String.class, String.class, EventListener.class));
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalStateException(
                    "This Magnolia has no " + REGISTRATION_CLASS + ".observe(String, String, "
                            + "EventListener); the news module needs Magnolia 6.4",
                    e);
        }
    }

    @Override
    public Registration observe(String workspace, Consumer<Set<String>> onChange) throws RepositoryException {
        EventListener listener = events -> onChange.accept(ChangeObservation.identifiers(events));
        Object prepared = MagnoliaCalls.call(observe, null, workspace, "/", listener);
        Method withSubNodes = method(observe.getReturnType(), "withSubNodes", boolean.class);
        prepared = MagnoliaCalls.call(withSubNodes, prepared, true);
        Method register = method(withSubNodes.getReturnType(), "register");
        Object handle = MagnoliaCalls.call(register, prepared);
        Method unregister = method(register.getReturnType(), "unregister");
        return () -> {
            try {
                MagnoliaCalls.call(unregister, handle);
            } catch (RepositoryException | RuntimeException e) {
                LOG.warn("Could not stop listening to {}: {}", workspace, e.toString());
            }
        };
    }

    /** Methods are looked up on the declared types (builder, handle interface), never on a hidden implementation class. */
    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Magnolia's " + type.getName() + " has no " + name, e);
        }
    }
}
