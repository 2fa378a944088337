package io.newsroom.news.magnolia;

import io.newsroom.news.templating.NewsFunctions;

/**
 * {@code newsfn} as Magnolia creates it: the module descriptor binds {@link NewsFunctions} to this
 * class, and the FreeMarker renderer gets it with {@code Components.getComponent}, which needs a
 * public constructor without arguments.
 */
public class MagnoliaNewsFunctions extends NewsFunctions {
    public MagnoliaNewsFunctions() {
        this(MagnoliaNews.get());
    }

    private MagnoliaNewsFunctions(MagnoliaNews news) {
        super(news.articles(), news.cache(), news.counter(), news.clock(), "vi");
    }
}
