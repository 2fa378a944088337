package io.newsroom.news.views;

/**
 * Where a servlet created by its no-argument constructor (as Magnolia creates declared servlets)
 * finds the running counter. The embedded runtime, or the Magnolia adapter, installs it at start.
 */
public final class ViewCounting {
    private static volatile ViewCounter current;

    private ViewCounting() {
    }

    public static void install(ViewCounter counter) {
        current = counter;
    }

    public static void uninstall(ViewCounter counter) {
        if (current == counter) {
            current = null;
        }
    }

    public static ViewCounter current() {
        ViewCounter counter = current;
        if (counter == null) {
            throw new IllegalStateException("View counting has not been started: the news module's start-up did not run");
        }
        return counter;
    }
}
