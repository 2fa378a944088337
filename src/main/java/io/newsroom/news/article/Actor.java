package io.newsroom.news.article;

/**
 * Who is acting in this thread: the admin app sets the signed-in account and its role for each request,
 * and every write of the module checks it ({@link #require}). Code with no actor (the scheduler, imports,
 * the demo, Magnolia's own apps) is trusted: its checks are the host's.
 */
public record Actor(String user, Role role) {
    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    /** The actor of this thread, or null for trusted code. */
    public static Actor current() {
        return CURRENT.get();
    }

    /** Runs {@code work} as {@code actor} in this thread, then restores what was before. */
    public static <T, E extends Exception> T runAs(Actor actor, Work<T, E> work) throws E {
        Actor before = CURRENT.get();
        CURRENT.set(actor);
        try {
            return work.run();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** {@code actor} acts in this thread until the returned scope is closed. */
    public static Scope enter(Actor actor) {
        Actor before = CURRENT.get();
        CURRENT.set(actor);
        return () -> {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        };
    }

    /** The time an actor acts; closing it restores the thread's actor before. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** A piece of work done as an actor. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** Whether this thread's actor (if any) may do {@code permission}. */
    public static boolean may(Role.Permission permission) {
        Actor actor = CURRENT.get();
        return actor == null || actor.role().may(permission);
    }

    /**
     * Refuses the action unless this thread's actor may do {@code permission}: checked where the change is
     * made, so a hidden button is never the only guard.
     *
     * @throws NotAllowedException naming the permission missing
     */
    public static void require(Role.Permission permission) {
        if (!may(permission)) {
            throw new NotAllowedException(CURRENT.get(), permission);
        }
    }

    /** An action the signed-in account's role does not allow; nothing was changed. */
    public static final class NotAllowedException extends RuntimeException {
        private final Role.Permission permission;

        public NotAllowedException(Actor actor, Role.Permission permission) {
            super(actor.user() + " (" + actor.role() + ") may not " + permission);
            this.permission = permission;
        }

        public Role.Permission permission() {
            return permission;
        }
    }
}
