package io.newsroom.news.delivery;

import io.newsroom.news.article.ArticleField;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.article.ArticleXPath;
import io.newsroom.news.article.PropertyFilter;
import io.newsroom.news.article.PropertyFilter.Operator;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the query parameters of Magnolia's delivery endpoint into an {@link ArticleQuery}:
 * {@code limit} (default 10), {@code offset}, {@code orderBy=postedDate desc,title}, {@code q},
 * {@code @ancestor}, and filters {@code property[op]=value}. Anything it cannot read is an
 * {@link ApiError} naming the parameter; nothing is guessed.
 */
public final class DeliveryQueryParser {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;
    /** Filter values in one query (each becomes a clause; Lucene refuses more than 1024). */
    public static final int MAX_VALUES = 100;
    /** Words and characters of {@code q} (each word is a clause, and long texts overflow the XPath parser). */
    public static final int MAX_WORDS = 32;

    public static final int MAX_TEXT = 300;
    private static final Set<String> NON_FILTER_PARAMETERS = Set.of("limit", "offset", "orderBy", "q", "lang");
    private static final Pattern FILTER = Pattern.compile("([@\\w:]+)(?:\\[([a-z-]+)])?");

    private final ZoneId siteZone;

    public DeliveryQueryParser(ZoneId siteZone) {
        this.siteZone = siteZone;
    }

    public ArticleQuery parse(Map<String, String[]> parameters) throws ApiError {
        int limit = (int) integer(parameters, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        long offset = integer(parameters, "offset", 0, 0, Integer.MAX_VALUE);
        ArticleQuery query = ArticleQuery.newest(limit).page(offset, limit);

        String orderBy = single(parameters, "orderBy");
        if (orderBy != null) {
            query = query.withSort(order(orderBy));
        }
        String q = single(parameters, "q");
        if (q != null && !q.isBlank()) {
            if (q.length() > MAX_TEXT || q.strip().split("\\s+").length > MAX_WORDS) {
                throw new ApiError(400, "invalidQuery", "news.error.param.tooLong", MAX_WORDS, MAX_TEXT);
            }
            query = query.withFullText(q);
        }
        int values = 0;
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (NON_FILTER_PARAMETERS.contains(name)) {
                continue;
            }
            Matcher m = FILTER.matcher(name);
            if (!m.matches()) {
                throw new ApiError(400, "invalidQuery", "news.error.param.notFilter", name);
            }
            String property = m.group(1);
            Operator op = operator(name, m.group(2));
            for (String value : parameter.getValue()) {
                values += 1 + count(value, ',');
                if (values > MAX_VALUES) {
                    throw new ApiError(400, "invalidQuery", "news.error.param.tooManyValues", MAX_VALUES);
                }
                if ("@ancestor".equals(property)) {
                    if (op != Operator.EQ || !ArticleXPath.isFolderPath(value)) {
                        throw new ApiError(400, "invalidQuery", "news.error.param.ancestor", name);
                    }
                    query = query.withAncestor(value);
                } else {
                    query = query.withFilter(filter(property, op, value));
                }
            }
        }
        return query;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private PropertyFilter filter(String property, Operator op, String raw) throws ApiError {
        ValueType type = valueType(property);
        List<Object> values = new ArrayList<>();
        if (op == Operator.IN || op == Operator.NOT_IN) {
            if (raw.contains("~")) {
                String[] ends = raw.split("~", -1);
                if (ends.length != 2) {
                    throw ApiError.badValue(property, raw);
                }
                values.add(new PropertyFilter.Range(value(type, property, ends[0]), value(type, property, ends[1])));
            } else {
                for (String item : raw.split(",")) {
                    values.add(value(type, property, item));
                }
                if (values.isEmpty()) {
                    // "," alone: a list of nothing is no filter a reader meant.
                    throw ApiError.badValue(property, raw);
                }
            }
        } else if (op == Operator.LIKE) {
            values.add(likePattern(property, raw));
        } else {
            values.add(value(type, property, raw));
        }
        return new PropertyFilter(property, op, values);
    }

    /** At most this many wildcards in a {@code like} pattern ({@code %} and {@code _} together). */
    static final int MAX_WILDCARDS = 4;
    /** The longest {@code like} pattern. */
    static final int MAX_PATTERN_CHARS = 100;

    /**
     * A {@code like} pattern with a bounded cost: Jackrabbit matches it with a regular expression whose
     * backtracking grows about sevenfold with each {@code %_} pair, so runs of {@code %} are one (they mean
     * the same) and a pattern with more than {@link #MAX_WILDCARDS} wildcards or {@link #MAX_PATTERN_CHARS}
     * characters is refused with a 400 that says so.
     */
    static String likePattern(String property, String raw) throws ApiError {
        String collapsed = raw.replaceAll("%{2,}", "%");
        long wildcards = 0;
        for (int i = 0; i < collapsed.length(); i++) {
            char c = collapsed.charAt(i);
            if (c == '\\') {
                i++; // an escaped character is no wildcard
            } else if (c == '%' || c == '_') {
                wildcards++;
            }
        }
        if (wildcards > MAX_WILDCARDS || collapsed.length() > MAX_PATTERN_CHARS) {
            throw new ApiError(
                    400, "patternTooComplex", "news.error.param.pattern", property, MAX_WILDCARDS, MAX_PATTERN_CHARS);
        }
        return collapsed;
    }

    private enum ValueType {
        STRING,
        BOOLEAN,
        LONG,
        DATE
    }

    private static ValueType valueType(String property) throws ApiError {
        if ("@name".equals(property) || "jcr:uuid".equals(property)) {
            return ValueType.STRING;
        }
        Optional<ArticleField> field = ArticleField.byPropertyName(property);
        if (field.isEmpty()) {
            throw new ApiError(400, "invalidQuery", "news.error.unknownProperty", property);
        }
        return switch (field.get().type()) {
            case BOOLEAN -> ValueType.BOOLEAN;
            case LONG -> ValueType.LONG;
            case DATE -> ValueType.DATE;
            default -> ValueType.STRING;
        };
    }

    private Object value(ValueType type, String property, String raw) throws ApiError {
        String text = raw.trim();
        try {
            return switch (type) {
                case STRING -> raw;
                case BOOLEAN -> {
                    if (!text.equals("true") && !text.equals("false")) {
                        throw new IllegalArgumentException();
                    }
                    yield Boolean.valueOf(text);
                }
                case LONG -> Long.valueOf(text);
                case DATE -> date(text);
            };
        } catch (IllegalArgumentException | DateTimeException e) {
            throw ApiError.badValue(property, raw);
        }
    }

    /** {@code yyyy-MM-dd} (start of that day in the site's zone) or a full ISO date-time with offset. */
    private Instant date(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(siteZone).toInstant();
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    private static List<ArticleQuery.Sort> order(String orderBy) throws ApiError {
        List<ArticleQuery.Sort> sort = new ArrayList<>();
        String[] parts = orderBy.split(",");
        if (parts.length > ArticleField.values().length) {
            throw new ApiError(400, "invalidQuery", "news.error.param.orderBy", orderBy);
        }
        for (String part : parts) {
            String[] words = part.trim().split("\\s+");
            if (words.length == 0 || words[0].isEmpty() || words.length > 2) {
                throw new ApiError(400, "invalidQuery", "news.error.param.orderBy", orderBy);
            }
            String property = words[0];
            if (ArticleField.byPropertyName(property).isEmpty()) {
                throw new ApiError(400, "invalidQuery", "news.error.unknownProperty", property);
            }
            String direction = words.length == 2 ? words[1].toLowerCase(Locale.ROOT) : "asc";
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw new ApiError(400, "invalidQuery", "news.error.param.orderBy", orderBy);
            }
            sort.add(new ArticleQuery.Sort(property, direction.equals("desc")));
        }
        return sort;
    }

    private static Operator operator(String parameter, String token) throws ApiError {
        if (token == null) {
            return Operator.EQ;
        }
        try {
            return Operator.fromToken(token);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "invalidQuery", "news.error.param.operator", parameter);
        }
    }

    private static String single(Map<String, String[]> parameters, String name) throws ApiError {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw new ApiError(400, "invalidQuery", "news.error.param.repeated", name);
        }
        return values[0];
    }

    private static long integer(Map<String, String[]> parameters, String name, long fallback, long min, long max)
            throws ApiError {
        String text = single(parameters, name);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < min || value > max) {
                throw new ApiError(400, "invalidQuery", "news.error.param.range", name, min, max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ApiError(400, "invalidQuery", "news.error.param.range", name, min, max);
        }
    }
}
