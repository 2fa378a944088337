package io.newsroom.news.magnolia;

import io.newsroom.news.templating.NewsFunctions;

/**
 * {@code newsfn} as Magnolia creates it: the module descriptor binds {@link NewsFunctions} to this
 * class, and the FreeMarker renderer gets it with {@code Components.getComponent}, which needs a
 * public constructor without arguments. It works on the parts {@link MagnoliaNews} owns, with the
 * site's languages and link resolution taken from Magnolia.
 */
public class MagnoliaNewsFunctions extends NewsFunctions {
    public MagnoliaNewsFunctions() {
        super(MagnoliaNews.get().functions());
    }
}
