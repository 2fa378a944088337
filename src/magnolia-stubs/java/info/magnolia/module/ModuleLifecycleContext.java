package info.magnolia.module;

/**
 * COMPILE-ONLY STUB of Magnolia's {@code info.magnolia.module.ModuleLifecycleContext}: its phase
 * constants and {@code getPhase()}, with Magnolia's values and signature. Magnolia's interface also
 * has {@code getCurrentModuleDefinition()} and {@code registerModuleObservingComponent(String,
 * ObservedManager)}, left out because the module never calls them (their types would need stubs of
 * their own). Kept out of every jar: inside Magnolia, Magnolia's own interface is the one loaded.
 */
public interface ModuleLifecycleContext {
    /** The system is starting up. */
    int PHASE_SYSTEM_STARTUP = 1;

    /** The module is restarted because its configuration changed. */
    int PHASE_MODULE_RESTART = 2;

    /** The system is shutting down. */
    int PHASE_SYSTEM_SHUTDOWN = 3;

    int getPhase();
}
