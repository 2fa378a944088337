package io.newsroom.news.embedded.server;

import io.newsroom.news.embedded.demo.DemoContent;
import io.newsroom.news.embedded.repository.EmbeddedRepository;

/** Lets benchmarks and the Magnolia host model outside the package create the demo pages. */
public final class DemoContentAccess {
    private DemoContentAccess() {}

    public static void createPages(NewsRuntime runtime) throws Exception {
        DemoContent.createPages(runtime.repository());
    }

    /** The demo pages in any repository with a website workspace (the Magnolia host model's). */
    public static void createPages(EmbeddedRepository repository) throws Exception {
        DemoContent.createPages(repository);
    }
}
