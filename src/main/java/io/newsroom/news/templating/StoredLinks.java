package io.newsroom.news.templating;

import io.newsroom.news.article.JcrSessions;
import io.newsroom.news.assets.ImageAssets;
import java.util.Optional;
import java.util.regex.Matcher;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded runtime's resolution of Magnolia's stored rich text links (found in content made in
 * Magnolia and imported here): the node is looked up by identifier in its workspace, so a moved
 * page or article still gets its current address; when it is gone, the path stored beside the
 * identifier is used, as Magnolia falls back to it. Pages of {@code website} become
 * {@code /path.html}, articles their article page, DAM assets {@code /dam/jcr:<id>/<name>}.
 */
public final class StoredLinks implements RichTextLinks {
    private static final Logger LOG = LoggerFactory.getLogger(StoredLinks.class);

    private final JcrSessions sessions;
    private final String articleWorkspace;

    public StoredLinks(JcrSessions sessions, String articleWorkspace) {
        this.sessions = sessions;
        this.articleWorkspace = articleWorkspace;
    }

    @Override
    public String resolve(String html) {
        if (!html.contains("${link:")) {
            return html;
        }
        Matcher m = STORED_LINK.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(address(m.group(1), m.group(2), m.group(3), m.group(4))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String address(String id, String workspace, String storedPath, String extension) {
        String path = currentPath(id, workspace).orElse(storedPath);
        if (ImageAssets.WORKSPACE.equals(workspace)) {
            return UriPaths.encode(ImageAssets.DAM_PATH + "/jcr:" + id + path.substring(path.lastIndexOf('/')));
        }
        if (workspace.equals(articleWorkspace)) {
            return UriPaths.encode(ArticleView.URL_PREFIX + path + ".html");
        }
        String ext = extension == null || extension.isBlank() ? "html" : extension;
        return UriPaths.encode(path + "." + ext);
    }

    private Optional<String> currentPath(String id, String workspace) {
        try {
            return sessions.run(workspace, session -> {
                try {
                    Node node = session.getNodeByIdentifier(id);
                    return Optional.of(node.getPath());
                } catch (ItemNotFoundException e) {
                    return Optional.<String>empty();
                }
            });
        } catch (RepositoryException | RuntimeException e) {
            // an unknown workspace or a malformed identifier: the stored path is all there is
            LOG.debug("Link to {} in {} not looked up: {}", id, workspace, e.toString());
            return Optional.empty();
        }
    }
}
