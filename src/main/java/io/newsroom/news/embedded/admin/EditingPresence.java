package io.newsroom.news.embedded.admin;

import com.vaadin.flow.server.VaadinServlet;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who has which article open in the editor, so the next editor to open it is told ("Lan is editing
 * since 10:12") before two saves meet, as Magnolia's content app shows a lock. One per admin app (per
 * node in a cluster: an editor on another node is not seen, the save's version check still holds).
 * An entry ends when its editor leaves the article, closes the tab or the session ends (Vaadin
 * detaches the view).
 */
final class EditingPresence {
    /** One editor's open editor: who, since when, and which open editor (a key made per editor view) it is. */
    record Editor(String user, Instant since, String view) {}

    private final Map<String, Map<String, Editor>> byArticle = new ConcurrentHashMap<>();

    static EditingPresence current() {
        var context = VaadinServlet.getCurrent().getServletContext();
        synchronized (EditingPresence.class) {
            Object found = context.getAttribute(EditingPresence.class.getName());
            if (found instanceof EditingPresence presence) {
                return presence;
            }
            EditingPresence presence = new EditingPresence();
            context.setAttribute(EditingPresence.class.getName(), presence);
            return presence;
        }
    }

    void opened(String articleId, Editor editor) {
        byArticle.computeIfAbsent(articleId, id -> new ConcurrentHashMap<>()).put(editor.view(), editor);
    }

    void left(String articleId, String view) {
        byArticle.computeIfPresent(articleId, (id, editors) -> {
            editors.remove(view);
            return editors.isEmpty() ? null : editors;
        });
    }

    /** The earliest other editor of {@code articleId} (another tab of the same user counts too). */
    Optional<Editor> otherThan(String articleId, String view) {
        Map<String, Editor> editors = byArticle.getOrDefault(articleId, Map.of());
        return editors.values().stream()
                .filter(e -> !e.view().equals(view))
                .min((a, b) -> a.since().compareTo(b.since()));
    }
}
