package io.newsroom.news.site;

import javax.jcr.RepositoryException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsroom.news.article.ImageAssets;
import io.newsroom.news.templating.UriPaths;

/**
 * {@code damfn} in the embedded runtime: the part of Magnolia's DAM templating functions the news
 * templates use, with Magnolia's names and meanings. {@code getAssetLink(itemKey)} answers the
 * asset's address with the context path ({@code /dam/jcr:<id>/<file name>}), or {@code null} for a
 * key that names no asset, as Magnolia's does. Renditions are not made here yet: a rendition link
 * is the original's.
 */
public final class DamFunctions {
    private static final Logger LOG = LoggerFactory.getLogger(DamFunctions.class);

    private final ImageAssets images;
    private final String contextPath;

    public DamFunctions(ImageAssets images, String contextPath) {
        this.images = images;
        this.contextPath = contextPath == null ? "" : contextPath;
    }

    public String getAssetLink(String itemKey) {
        try {
            return images.fileName(itemKey)
                    .map(name -> contextPath + UriPaths.encode(DamServlet.PATH + "/" + itemKey + "/" + name))
                    .orElse(null);
        } catch (RepositoryException | RuntimeException e) {
            LOG.warn("Cannot link asset {}: {}", itemKey, e.toString());
            return null;
        }
    }

    public String getAssetLink(String itemKey, String renditionName) {
        return getAssetLink(itemKey);
    }
}
