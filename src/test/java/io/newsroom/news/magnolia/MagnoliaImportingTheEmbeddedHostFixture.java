package io.newsroom.news.magnolia;

import io.newsroom.news.embedded.repository.EmbeddedRepository;

/** Breaks the layout on purpose (the Magnolia host using the embedded repository): LayoutTest shows its rule catches it. */
public final class MagnoliaImportingTheEmbeddedHostFixture {
    EmbeddedRepository repository;
}
