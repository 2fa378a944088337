package info.magnolia.context;

/** TEST ONLY - what the Magnolia host model lets tests observe of its contexts. */
public final class ModelProbe {
    private ModelProbe() {}

    /** Sessions the contexts' caches logged in and nobody logged out yet. */
    public static int openSessions() {
        return SessionCache.OPEN.get();
    }
}
