package io.newsroom.news.embedded.admin;

import com.vaadin.flow.router.QueryParameters;
import io.newsroom.news.article.Publication;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the article list shows: search, category, state, "featured only", sort and the first row in
 * view. Kept in the list's address ({@code ?q=hien&state=DRAFTS&sort=title.asc&at=120}), so coming
 * back from the editor, reloading or bookmarking shows the same list. Unknown or malformed values
 * fall back to the defaults.
 */
record ListState(
        String text,
        String category,
        Publication.Filter filter,
        boolean featuredOnly,
        String sortProperty,
        boolean sortDescending,
        int firstRow) {
    static final ListState DEFAULT = new ListState("", null, Publication.Filter.ANY, false, null, false, 0);
    private static final List<String> SORTABLE = List.of("title", "postedDate", "views");

    static ListState from(QueryParameters parameters) {
        Map<String, List<String>> p = parameters.getParameters();
        String text = first(p, "q");
        String category = first(p, "category");
        Publication.Filter filter = Publication.Filter.ANY;
        try {
            String state = first(p, "state");
            if (state != null) {
                filter = Publication.Filter.valueOf(state);
            }
        } catch (IllegalArgumentException unknown) {
            // the default
        }
        String sort = first(p, "sort");
        String property = null;
        boolean descending = false;
        if (sort != null) {
            String[] parts = sort.split("\\.", 2);
            if (SORTABLE.contains(parts[0])
                    && (parts.length == 1 || parts[1].equals("asc") || parts[1].equals("desc"))) {
                property = parts[0];
                descending = parts.length == 2 && parts[1].equals("desc");
            }
        }
        int at = 0;
        try {
            String row = first(p, "at");
            at = row == null ? 0 : Math.max(0, Math.min(1_000_000, Integer.parseInt(row)));
        } catch (NumberFormatException e) {
            at = 0;
        }
        return new ListState(
                text == null ? "" : text.strip(),
                category == null || category.isBlank() ? null : category,
                filter,
                "1".equals(first(p, "featured")),
                property,
                descending,
                at);
    }

    QueryParameters toParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        if (!text.isBlank()) {
            p.put("q", text);
        }
        if (category != null) {
            p.put("category", category);
        }
        if (filter != Publication.Filter.ANY) {
            p.put("state", filter.name());
        }
        if (featuredOnly) {
            p.put("featured", "1");
        }
        if (sortProperty != null) {
            p.put("sort", sortProperty + (sortDescending ? ".desc" : ".asc"));
        }
        if (firstRow > 0) {
            p.put("at", String.valueOf(firstRow));
        }
        return QueryParameters.simple(p);
    }

    ListState atRow(int row) {
        return new ListState(text, category, filter, featuredOnly, sortProperty, sortDescending, Math.max(0, row));
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
