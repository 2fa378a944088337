package io.newsroom.news.templating;

import io.newsroom.news.article.StoredLinkFormat;
import java.util.regex.Pattern;

/**
 * Turns the links to content that Magnolia's rich text field stores,
 * {@code ${link:{uuid:{<id>},repository:{<workspace>},path:{<path>}}}} (optionally followed by
 * {@code ,nodeData:{..},extension:{..}} inside and an anchor or query after), into addresses, as
 * Magnolia does when it renders. Magnolia resolves them with its own link API; the embedded runtime
 * with {@code io.newsroom.news.templating.StoredLinks}.
 */
@FunctionalInterface
public interface RichTextLinks {
    /** The stored form, groups: 1 uuid, 2 workspace, 3 path, 4 extension (may be null). */
    Pattern STORED_LINK = StoredLinkFormat.PATTERN;

    /** {@code html} with every stored link replaced by its address. */
    String resolve(String html);

    /** Leaves the text as it is (for hosts without content links). */
    RichTextLinks NONE = html -> html;
}
