package io.newsroom.news.article;

import io.newsroom.news.embedded.server.NewsRuntime;
import org.eclipse.jetty.server.Server;

/** Breaks the layout on purpose (a core class using the embedded host and Jetty): LayoutTest shows its rule catches it. */
public final class CoreImportingAHostFixture {
    Server server;
    NewsRuntime runtime;
}
