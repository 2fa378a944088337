package io.newsroom.news.embedded.admin;

import io.newsroom.news.pages.WebsitePages;
import javax.jcr.RepositoryException;

/**
 * How many articles the home page's first featured block shows (its "number of items" setting, 5
 * when unset): the featured list marks where that block's visible items end.
 */
final class FeaturedBlockSize {
    static final String HOME = "/home";
    static final String FEATURED = "news:components/featuredNews";
    static final int DEFAULT = 5;

    private FeaturedBlockSize() {}

    static int onHome(AdminContext admin) {
        try {
            for (WebsitePages.AreaInfo area : admin.pages().areas(HOME)) {
                for (WebsitePages.ComponentInfo component : area.components()) {
                    if (component.templateId().equals(FEATURED)) {
                        return component.values().get("maxItems") instanceof Number n && n.intValue() > 0
                                ? n.intValue()
                                : DEFAULT;
                    }
                }
            }
        } catch (RepositoryException | RuntimeException e) {
            // No home page (yet): the block's own default.
        }
        return DEFAULT;
    }
}
