package io.newsroom.news.embedded.render;

import io.newsroom.news.assets.ImageAssets;
import io.newsroom.news.embedded.renditions.ImageRenditions;
import io.newsroom.news.templating.UriPaths;
import java.util.Map;
import javax.jcr.RepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code damfn} in the embedded runtime: the part of Magnolia's DAM templating functions the news
 * templates use, with Magnolia's names and meanings. {@code getAssetLink(itemKey)} answers the
 * asset's address with the context path ({@code /dam/jcr:<id>/<file name>}), or {@code null} for a
 * key that names no asset, as Magnolia's does; with a rendition name of the theme, the address of that
 * rendition in Magnolia's imaging form ({@code /.imaging/mte/news/<name>/dam/jcr:<id>/<file name>}).
 */
public final class DamFunctions {
    private static final Logger LOG = LoggerFactory.getLogger(DamFunctions.class);

    private final ImageAssets images;
    private final ImageRenditions renditions;
    private final String contextPath;

    public DamFunctions(ImageAssets images, ImageRenditions renditions, String contextPath) {
        this.images = images;
        this.renditions = renditions;
        this.contextPath = contextPath == null ? "" : contextPath;
    }

    public String getAssetLink(String itemKey) {
        try {
            return images.fileName(itemKey)
                    .map(name -> contextPath + UriPaths.encode(ImageAssets.DAM_PATH + "/" + itemKey + "/" + name))
                    .orElse(null);
        } catch (RepositoryException | RuntimeException e) {
            LOG.warn("Cannot link asset {}: {}", itemKey, e.toString());
            return null;
        }
    }

    public String getAssetLink(String itemKey, String renditionName) {
        if (renditions == null || renditions.variation(renditionName).isEmpty()) {
            return getAssetLink(itemKey);
        }
        try {
            return images.fileName(itemKey)
                    .map(name -> contextPath
                            + UriPaths.encode(ImageRenditions.PATH + "/" + ImageRenditions.THEME + "/" + renditionName
                                    + ImageAssets.DAM_PATH + "/" + itemKey + "/" + name))
                    .orElse(null);
        } catch (RepositoryException | RuntimeException e) {
            LOG.warn("Cannot link asset {}: {}", itemKey, e.toString());
            return null;
        }
    }

    /** Magnolia's {@code getRendition(itemKey, name)}: here what templates use of it, its link. */
    public Map<String, String> getRendition(String itemKey, String renditionName) {
        String link = getAssetLink(itemKey, renditionName);
        return link == null ? null : Map.of("link", link);
    }
}
