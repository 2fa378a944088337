package io.newsroom.news.site;

/** Lets benchmarks outside the package create the demo pages. */
public final class DemoContentAccess {
    private DemoContentAccess() {
    }

    public static void createPages(NewsRuntime runtime) throws Exception {
        DemoContent.createPages(runtime.repository());
    }
}
