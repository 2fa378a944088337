package info.magnolia.module;

/**
 * COMPILE-ONLY STUB of Magnolia's {@code info.magnolia.module.ModuleLifecycle}, with Magnolia's
 * signatures (magnolia-core, {@code info/magnolia/module/ModuleLifecycle.java}), so the module class
 * can implement it without a dependency on Magnolia. Kept out of every jar (pom.xml excludes
 * {@code info/**}): inside Magnolia, Magnolia's own interface is the one loaded.
 */
public interface ModuleLifecycle {

    void start(ModuleLifecycleContext moduleLifecycleContext);

    void stop(ModuleLifecycleContext moduleLifecycleContext);
}
