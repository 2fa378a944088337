package info.magnolia.link;

import info.magnolia.context.MgnlContext;
import io.newsroom.news.templating.RichTextLinks;
import java.util.regex.Matcher;
import javax.jcr.ItemNotFoundException;
import javax.jcr.RepositoryException;

/**
 * TEST ONLY - Magnolia host model: {@code LinkUtil.convertLinksFromUUIDPattern(String)} with the browser
 * link transformer: each stored link becomes the address of the node its identifier names, read with
 * the current context's session, as {@code <context path><path>.<extension>} (html by default);
 * the stored path when the node is gone. Only website pages are needed by the tests.
 */
public final class LinkUtil {
    private LinkUtil() {}

    public static String convertLinksFromUUIDPattern(String str) throws LinkException {
        Matcher m = RichTextLinks.STORED_LINK.matcher(str);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String path;
            try {
                path = MgnlContext.getJCRSession(m.group(2))
                        .getNodeByIdentifier(m.group(1))
                        .getPath();
            } catch (ItemNotFoundException e) {
                path = m.group(3);
            } catch (RepositoryException e) {
                throw new LinkException("Cannot resolve " + m.group(), e);
            }
            String extension = m.group(4) == null || m.group(4).isEmpty() ? "html" : m.group(4);
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(MgnlContext.getWebContext().getContextPath() + path + "." + extension));
        }
        m.appendTail(out);
        return out.toString();
    }
}
