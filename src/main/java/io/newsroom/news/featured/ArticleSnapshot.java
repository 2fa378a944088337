package io.newsroom.news.featured;

import io.newsroom.news.article.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the blocks choose from, read once and kept in memory: the newest featured articles, the
 * newest articles that were visible when it was read, and those scheduled to appear later (so
 * they show up on time without another read). Which articles may be in it at all (published only,
 * never the trash) is decided by the query that reads it; here only posted dates are checked.
 */
public record ArticleSnapshot(List<Article> featured, List<Article> latest, List<Article> scheduled, Instant readAt) {
    public static final Comparator<Article> NEWEST_FIRST =
            Comparator.comparing(Article::postedDate, Comparator.reverseOrder()).thenComparing(Article::id);

    public ArticleSnapshot {
        featured = List.copyOf(featured);
        latest = List.copyOf(latest);
        scheduled = List.copyOf(scheduled);
    }

    /** The newest articles visible at {@code now}, newest first. */
    public List<Article> visibleLatest(Instant now) {
        List<Article> visible = new ArrayList<>(latest);
        for (Article a : scheduled) {
            if (a.isPostedBy(now)) {
                visible.add(a);
            }
        }
        visible.sort(NEWEST_FIRST);
        return visible;
    }
}
