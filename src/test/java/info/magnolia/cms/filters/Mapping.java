package info.magnolia.cms.filters;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEST ONLY - part of the Magnolia host model (see io.newsroom.news.magnolia.MagnoliaHost): a servlet
 * mapping as Magnolia core's {@code info/magnolia/cms/filters/Mapping.java} compiles it, a regex of
 * three groups (servlet path, ignored, path info):
 * <ul>
 * <li>{@code /prefix/*}: {@code ^(/prefix)(/)(.*)}, so {@code /prefix} itself does not match;</li>
 * <li>{@code *.ext}: {@code ^(.*\.ext)$};</li>
 * <li>{@code regex:x}: {@code ^(x)($|/)(.*)};</li>
 * <li>anything else: that exact text, {@code ^(text)$}.</li>
 * </ul>
 * The URI matched is the aggregation state's current one (after the i18n filter and virtual URI
 * mappings). {@code ServletDispatchingFilter} then sets the servlet path to group 1 and the path
 * info to group 3, null when empty, with a leading slash. Never packed into the module jar.
 */
public final class Mapping {
    private static final String METACHARACTERS = "([\\^\\(\\)\\{\\}\\[\\]*$+])";
    private final List<Pattern> mappings = new ArrayList<>();

    /** What a matching mapping hands the servlet. */
    public record Match(String servletPath, String pathInfo) {}

    public void addMapping(String mapping) {
        String pattern;
        if (mapping.equals("/")) {
            pattern = "^()(/)(.*)";
        } else if (mapping.startsWith("/") && mapping.endsWith("/*")) {
            pattern = "^(" + escape(mapping.substring(0, mapping.length() - 2)) + ")(/)(.*)";
        } else if (mapping.startsWith("*.")) {
            pattern = "^(" + mapping.replace("*.", ".*\\.") + ")$";
        } else if (mapping.startsWith("regex:")) {
            pattern = "^(" + mapping.substring("regex:".length()) + ")($|/)(.*)";
        } else {
            pattern = "^(" + escape(mapping) + ")$";
        }
        mappings.add(Pattern.compile(pattern));
    }

    /** The first mapping that finds a match in {@code currentUri}, as servlet path and path info; null when none. */
    public Match match(String currentUri) {
        for (Pattern pattern : mappings) {
            Matcher matcher = pattern.matcher(currentUri);
            if (matcher.find()) {
                String pathInfo = null;
                if (matcher.groupCount() > 2 && !matcher.group(3).isEmpty()) {
                    pathInfo = matcher.group(3).startsWith("/") ? matcher.group(3) : "/" + matcher.group(3);
                }
                return new Match(matcher.group(1), pathInfo);
            }
        }
        return null;
    }

    private static String escape(String text) {
        return text.replaceAll(METACHARACTERS, "\\\\$1");
    }
}
