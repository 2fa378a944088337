package io.newsroom.news.archive;

import java.util.List;

/**
 * A page of a listing: the identifiers in listing order and how many the listing holds.
 */
public record ArchivePage(List<String> ids, long total) {}
