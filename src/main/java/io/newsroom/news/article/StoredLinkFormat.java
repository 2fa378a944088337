package io.newsroom.news.article;

import java.util.regex.Pattern;

/**
 * How Magnolia's rich text field stores a link to content:
 * {@code ${link:{uuid:{<id>},repository:{<workspace>},path:{<path>}}}}, optionally with
 * {@code ,nodeData:{..},extension:{..}} before the closing braces. Written from Magnolia's link
 * storage format as its documentation and core describe it.
 */
public final class StoredLinkFormat {
    /** Groups: 1 identifier, 2 workspace, 3 path, 4 extension (may be null). */
    public static final Pattern PATTERN = Pattern.compile(
            "\\$\\{link:\\{uuid:\\{([^}]*)\\},repository:\\{([^}]*)\\},(?:workspace:\\{[^}]*\\},)?(?:path|handle):\\{([^}]*)\\}"
                    + "(?:,nodeData:\\{[^}]*\\},extension:\\{([^}]*)\\})?\\}\\}");

    private StoredLinkFormat() {}
}
