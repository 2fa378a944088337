package io.newsroom.news.article;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Node names made from titles: Vietnamese (and other Latin) letters folded to ASCII, words joined
 * by hyphens. "Đảng bộ phường Thanh Nhàn" gives {@code dang-bo-phuong-thanh-nhan}.
 */
public final class Slugs {
    public static final int MAX_LENGTH = 80;
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final String FALLBACK = "bai-viet";

    private Slugs() {}

    public static String fromTitle(String title) {
        if (title == null) {
            return FALLBACK;
        }
        // đ/Đ are letters of their own, not d plus a mark, so NFD leaves them alone.
        String folded = title.replace('đ', 'd').replace('Đ', 'D');
        folded = COMBINING_MARKS
                .matcher(Normalizer.normalize(folded, Normalizer.Form.NFD))
                .replaceAll("");
        String slug = NON_ALNUM.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = trimHyphens(slug.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH));
        }
        return slug.isEmpty() ? FALLBACK : slug;
    }

    public static boolean isValid(String slug) {
        return slug != null
                && slug.length() <= MAX_LENGTH
                && VALID.matcher(slug).matches();
    }

    /** {@code base}, or {@code base-2}, {@code base-3}... the first one {@code taken} says is free. */
    public static String unique(String base, Predicate<String> taken) {
        if (!taken.test(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String stem = base.length() + suffix.length() > MAX_LENGTH
                    ? trimHyphens(base.substring(0, MAX_LENGTH - suffix.length()))
                    : base;
            String candidate = stem + suffix;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') start++;
        while (end > start && s.charAt(end - 1) == '-') end--;
        return s.substring(start, end);
    }
}
