package io.newsroom.news.article;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import javax.jcr.RepositoryException;
import javax.jcr.observation.Event;
import javax.jcr.observation.EventIterator;
import org.slf4j.LoggerFactory;

/**
 * How caches hear about changes to a workspace made by anyone (an editor in Magnolia's app,
 * another instance, an import). The host owns the session the listener hangs on: the embedded
 * runtime logs one in for it, Magnolia keeps its own behind
 * {@code WorkspaceEventListenerRegistration}. A listener never hangs on a borrowed session.
 */
@FunctionalInterface
public interface ChangeObservation {

    /** Stops the notifications of one {@link #observe} call. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Runs {@code onChange} after nodes or properties anywhere in {@code workspace} changed, with the
     * identifiers of the nodes concerned (a property's node; a removed node's own identifier).
     */
    Registration observe(String workspace, Consumer<Set<String>> onChange) throws RepositoryException;

    /** The identifiers of the nodes a batch of JCR events concerns (JCR 2: a property event names its node). */
    static Set<String> identifiers(EventIterator events) {
        Set<String> ids = new HashSet<>();
        while (events.hasNext()) {
            Event event = events.nextEvent();
            try {
                if (event.getIdentifier() != null) {
                    ids.add(event.getIdentifier());
                }
            } catch (RepositoryException e) {
                LoggerFactory.getLogger(ChangeObservation.class).debug("An event without identifier: {}", e.toString());
            }
        }
        return ids;
    }
}
