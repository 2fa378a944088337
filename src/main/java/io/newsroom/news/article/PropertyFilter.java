package io.newsroom.news.article;

import java.util.List;

/**
 * A condition on one article property, the way Magnolia's delivery endpoint spells filters
 * ({@code category[eq]=x}, {@code postedDate[in]=2020-01-01~2020-02-01}). Values are already typed:
 * String, Boolean, Long or {@link java.time.Instant}, or a {@link Range} of those for {@code IN}.
 *
 * @param property an article property name, or {@code @name} for the node name
 */
public record PropertyFilter(String property, Operator operator, List<Object> values) {

    public enum Operator {
        EQ("eq"),
        NE("ne"),
        LT("lt"),
        LTE("lte"),
        GT("gt"),
        GTE("gte"),
        LIKE("like"),
        IN("in"),
        NOT_IN("not-in");

        private final String token;

        Operator(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }

        public static Operator fromToken(String token) {
            for (Operator op : values()) {
                if (op.token.equals(token)) {
                    return op;
                }
            }
            throw new IllegalArgumentException(
                    "Unknown filter operator '" + token + "'; use eq, ne, lt, lte, gt, gte, like, in or not-in");
        }
    }

    /** An inclusive range, written {@code from~to}. */
    public record Range(Object from, Object to) {}

    public PropertyFilter {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Filter on '" + property + "' has no value");
        }
    }

    public static PropertyFilter eq(String property, Object value) {
        return new PropertyFilter(property, Operator.EQ, List.of(value));
    }
}
