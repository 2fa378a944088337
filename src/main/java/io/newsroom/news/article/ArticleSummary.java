package io.newsroom.news.article;

import java.time.Instant;

/**
 * The few properties of an article that decide where it is listed: read without its text, so the
 * whole archive can be gone through at start.
 *
 * @param postedDate null for an article without one (listed last)
 * @param published  its publication flag (a public instance treats every article as published)
 * @param english    it has an English version
 * @param englishPublished that English version is published (readers of the English site see it)
 */
public record ArticleSummary(
        String id,
        Instant postedDate,
        String category,
        boolean published,
        boolean featured,
        boolean trashed,
        boolean english,
        boolean englishPublished) {}
