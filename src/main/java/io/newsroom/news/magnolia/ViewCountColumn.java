package io.newsroom.news.magnolia;

import com.vaadin.data.ValueProvider;
import javax.jcr.Item;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

/**
 * The "Views" column of Magnolia's News app: the content app hands each row's JCR item to this
 * value provider (column {@code valueProvider} in {@code apps/news.yaml}), which answers the
 * article's count from the view counter (stored in {@code news-stats} plus not yet saved).
 */
public class ViewCountColumn implements ValueProvider<Item, Long> {

    @Override
    public Long apply(Item item) {
        if (!(item instanceof Node node)) {
            return null;
        }
        try {
            return node.isNodeType(MagnoliaNews.NODE_TYPE)
                    ? MagnoliaNews.get().counter().views(node.getIdentifier())
                    : null;
        } catch (RepositoryException e) {
            return null;
        }
    }
}
