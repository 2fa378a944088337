package info.magnolia.objectfactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TEST ONLY - Magnolia host model: {@code Components.getComponent(type)} answers the singleton bound to
 * the type (module descriptors' {@code <components>}: type, implementation, scope singleton), made with
 * the implementation's public no-argument constructor on first request.
 */
public final class Components {
    private static final Map<Class<?>, Class<?>> BINDINGS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Object> INSTANCES = new ConcurrentHashMap<>();

    private Components() {}

    /** Model hook: a new container (a Magnolia start). */
    public static void reset() {
        BINDINGS.clear();
        INSTANCES.clear();
    }

    /** Model hook: a descriptor's component binding. */
    public static void bind(Class<?> type, Class<?> implementation) {
        BINDINGS.put(type, implementation);
    }

    /** Model hook: a component Magnolia's own modules provide. */
    public static <T> void bindInstance(Class<T> type, T instance) {
        INSTANCES.put(type, instance);
    }

    public static <T> T getComponent(Class<T> type) {
        Object instance = INSTANCES.computeIfAbsent(type, t -> {
            Class<?> implementation = BINDINGS.get(t);
            if (implementation == null) {
                throw new IllegalStateException("No component bound for " + t.getName());
            }
            try {
                return implementation.getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot create " + implementation.getName() + ": " + e, e);
            }
        });
        return type.cast(instance);
    }
}
