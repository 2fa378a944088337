package io.newsroom.news.embedded.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

/** A servlet with a domain rule of its own (it writes a node), made on purpose: LayoutTest shows its rule catches it. */
public final class ServletWritingContentFixture extends HttpServlet {
    private transient Node article;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            article.setProperty("featuredRank", 1L);
        } catch (RepositoryException e) {
            throw new IOException(e);
        }
    }
}
