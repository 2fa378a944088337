package io.newsroom.news.magnolia;

import io.newsroom.news.templating.RichTextLinks;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rich text links resolved by Magnolia itself: {@code info.magnolia.link.LinkUtil.convertLinksFromUUIDPattern(String)}
 * turns every stored {@code ${link:{...}}} into the address Magnolia's browser link transformer
 * gives (context path, language, URI-to-repository mapping included). Text it cannot resolve is
 * left as it was, and the failure logged.
 */
final class MagnoliaLinks implements RichTextLinks {
    static final String LINK_UTIL = "info.magnolia.link.LinkUtil";
    private static final Logger LOG = LoggerFactory.getLogger(MagnoliaLinks.class);

    private final Method convert;

    private MagnoliaLinks(Method convert) {
        this.convert = convert;
    }

    static MagnoliaLinks find(ClassLoader loader) {
        try {
            return new MagnoliaLinks(
                    Class.forName(LINK_UTIL, true, loader).getMethod("convertLinksFromUUIDPattern", String.class));
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalStateException(
                    "This Magnolia has no " + LINK_UTIL + ".convertLinksFromUUIDPattern(String)", e);
        }
    }

    @Override
    public String resolve(String html) {
        if (!html.contains("${link:")) {
            return html;
        }
        try {
            return (String) convert.invoke(null, html);
        } catch (InvocationTargetException e) {
            LOG.warn("Magnolia could not resolve the links of a rich text: {}", String.valueOf(e.getCause()));
            return html;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call Magnolia's LinkUtil", e);
        }
    }
}
