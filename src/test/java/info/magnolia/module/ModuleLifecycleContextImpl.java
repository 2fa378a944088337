package info.magnolia.module;

/**
 * TEST ONLY - part of the Magnolia host model (see io.newsroom.news.magnolia.MagnoliaHost): the context
 * Magnolia's {@code ModuleManagerImpl} hands a module class's {@code start} and {@code stop}, with the
 * phase it is in ({@code PHASE_SYSTEM_STARTUP} at start, {@code PHASE_SYSTEM_SHUTDOWN} at shutdown).
 * Never packed into the module jar.
 */
public final class ModuleLifecycleContextImpl implements ModuleLifecycleContext {
    private final int phase;

    public ModuleLifecycleContextImpl(int phase) {
        this.phase = phase;
    }

    @Override
    public int getPhase() {
        return phase;
    }
}
