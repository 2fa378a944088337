package io.newsroom.news.templating;

import io.newsroom.news.archive.ArchiveIndex;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.Audience;
import io.newsroom.news.assets.ImageSizes;
import io.newsroom.news.featured.ArticleCache;
import io.newsroom.news.views.ViewCounts;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@code newsfn} works with, as the module assembles it for a host.
 *
 * @param archive          the archive's listings once read (until then, queries answer)
 * @param languages        the site's languages, asked on every call (Magnolia's may change)
 * @param links            resolves the content links stored in rich text
 * @param baseUrl          the site's public address for absolute links; null where the request decides
 * @param audience         readers (published and due) or editors (drafts too, on Magnolia's author)
 * @param imageSizes       renditions' pixel sizes where the host knows them, else null
 * @param resourceVersions a web resource's fingerprint ({@code css/news.css} to a short hash), or null
 * @param categoryNames    a category's name as shown in a language ("Thông báo", "en" to "Notices")
 * @param menu             the site's menu in a language, from its pages; empty where the host has none
 */
public record TemplatingParts(
        ArticleRepository articles,
        ArchiveIndex archive,
        ArticleCache cache,
        ViewCounts views,
        Clock clock,
        SiteLanguages languages,
        RichTextLinks links,
        Supplier<String> baseUrl,
        Audience audience,
        ImageSizes imageSizes,
        Function<String, String> resourceVersions,
        java.util.function.BiFunction<String, String, String> categoryNames,
        Function<String, List<io.newsroom.news.pages.SiteMenu.Link>> menu) {

    ArticleView view(Article article) {
        return new ArticleView(article, articles.siteZone());
    }
}
