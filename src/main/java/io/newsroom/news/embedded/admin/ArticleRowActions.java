package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleNotFoundException;
import io.newsroom.news.article.ConflictException;
import io.newsroom.news.article.ValidationException;
import io.newsroom.news.publishing.FeaturedRanks;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javax.jcr.RepositoryException;

/**
 * What the article list's row buttons do: edit, publish or unpublish, feature, duplicate, preview,
 * move to the trash (confirmed), and in the trash restore or delete for ever (confirmed); with the
 * featured order shown, move up or down. Each says what went wrong if it did and refreshes the list.
 */
final class ArticleRowActions {
    private final AdminContext admin;
    private final Runnable refresh;
    private final Consumer<String> openEditor;

    ArticleRowActions(AdminContext admin, Runnable refresh, Consumer<String> openEditor) {
        this.admin = admin;
        this.refresh = refresh;
        this.openEditor = openEditor;
    }

    /**
     * The row's actions: edit and publish (restore in the trash) as buttons, the rest in a "⋯" menu, or
     * everything in the menu when {@code narrow}; move to top, up and down while the list shows the featured order.
     */
    Component of(Article article, boolean narrow, boolean featuredOrder) {
        RowActions row = new RowActions();
        if (article.isTrashed()) {
            // In the trash: put back, or delete for ever after a confirmation.
            row.button(
                    admin.text("news.admin.restore"),
                    "restore",
                    () -> attempt(() -> {
                        admin.publishing().restore(article.id(), AdminContext.user());
                        Notices.show(admin.text("news.admin.restored", article.title()));
                    }));
            row.moreDanger(
                    admin.text("news.admin.deleteForever"),
                    "delete-forever",
                    () -> confirm(
                            article,
                            "news.admin.deleteForever.title",
                            "news.admin.deleteForever.text",
                            "news.admin.deleteForever",
                            () -> {
                                admin.articles().delete(article.id(), AdminContext.user());
                                Notices.show(admin.text("news.admin.deleted", article.title()));
                            }));
        } else {
            // With "featured only": move a row up or down, by button or keyboard (Enter/Space on a focused button).
            if (featuredOrder && article.featured()) {
                row.button(admin.text("news.admin.moveToTop"), "move-to-top", () -> {
                    if (moveToTop(article)) {
                        Notices.show(admin.text("news.admin.reordered"));
                    }
                });
                row.button(admin.text("news.admin.moveUp"), "move-up", () -> moveBy(article, -1));
                row.button(admin.text("news.admin.moveDown"), "move-down", () -> moveBy(article, 1));
            }
            boolean published = article.publication().published();
            // What the role does not allow is not offered (and refused on the server anyway).
            boolean publisher = io.newsroom.news.article.Actor.may(io.newsroom.news.article.Role.Permission.PUBLISH);
            row.button(admin.text("news.admin.edit"), "edit", () -> openEditor.accept(article.id()));
            if (publisher) {
                row.button(
                        admin.text(published ? "news.admin.unpublish" : "news.admin.publish"),
                        "toggle-published",
                        () -> setPublished(article, !published));
                row.more(
                        admin.text(article.featured() ? "news.admin.unfeature" : "news.admin.feature"),
                        "toggle-featured",
                        () -> toggleFeatured(article));
            }
            row.more(admin.text("news.admin.duplicate"), "duplicate", () -> duplicate(article));
            // Drafts and scheduled articles too: a signed, expiring link shows the page as readers would see it.
            row.more(
                    admin.text("news.admin.preview"),
                    "preview",
                    () -> PreviewDialog.open(
                            admin, article.title(), locale -> admin.previews().stored(article.id(), locale), false));
            if (publisher) {
                row.moreDanger(admin.text("news.admin.delete"), "delete", () -> confirmDelete(article));
            }
        }
        return row.of(narrow, admin.text("news.admin.moreActions"));
    }

    /** Up (-1) or down (+1) one place among the featured, as dragging it there would. */
    private void moveBy(Article article, int step) {
        try {
            List<Article> featured = admin.module().featuredRanks().siteOrder();
            int at = -1;
            for (int i = 0; i < featured.size(); i++) {
                if (featured.get(i).id().equals(article.id())) {
                    at = i;
                }
            }
            int to = at + step;
            if (at < 0 || to < 0 || to >= featured.size()) {
                return;
            }
            reorder(article, featured.get(to), step > 0);
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }

    /** Moves {@code moved} before (or {@code after}) {@code target} in the featured order, in one save. */
    void reorder(Article moved, Article target, boolean after) {
        try {
            List<Article> featured = admin.module().featuredRanks().siteOrder();
            if (store(FeaturedRanks.move(featured, moved, target, after))) {
                Notices.show(admin.text("news.admin.reordered"));
            }
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
        refresh.run();
    }

    /**
     * Stores {@code order} as ranks 1, 2, 3... in one save; false (and says so) when an article someone
     * saved meanwhile kept its rank.
     */
    private boolean store(List<Article> order) throws RepositoryException {
        int wanted = FeaturedRanks.newRanks(order).size();
        if (admin.featuredRanks().store(order, AdminContext.user()) == wanted) {
            return true;
        }
        Notices.show(admin.text("news.admin.error.conflict"));
        return false;
    }

    private void setPublished(Article article, boolean published) {
        attempt(() -> {
            Article changed = published
                    ? admin.publishing().publish(article.id(), AdminContext.user())
                    : admin.publishing().unpublish(article.id(), AdminContext.user());
            Notices.show(
                    published
                            ? ArticleRow.notice(changed, Instant.now(), admin)
                            : admin.text("news.admin.unpublishedNotice", changed.title()));
        });
    }

    /**
     * Featuring puts the article first in the featured block (what an editor who features a story
     * wants; it went last and took six "Move up" clicks); the others move down one place. Unfeaturing
     * frees the rank.
     */
    private void toggleFeatured(Article article) {
        ArticleDraft draft = article.toDraft();
        draft.setFeatured(!article.featured());
        draft.setFeaturedRank(article.featured() ? null : 1L);
        save(article, draft);
        if (!article.featured()) {
            moveToTop(article);
        }
    }

    /** First among the featured, the others after it in their order, in one save; whether it was stored. */
    private boolean moveToTop(Article article) {
        boolean stored = false;
        try {
            List<Article> featured = admin.module().featuredRanks().siteOrder();
            if (featured.stream().anyMatch(a -> a.id().equals(article.id()))) {
                stored = store(FeaturedRanks.withFirst(featured, List.of(article.id())));
            }
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
        refresh.run();
        return stored;
    }

    private void duplicate(Article article) {
        ArticleDraft copy = article.toDraft();
        copy.setName(null);
        copy.setTitle(CopyTitle.of(admin.messages(), article.title()));
        copy.setFeatured(false);
        try {
            // A copy is a draft: nothing reaches readers before an editor publishes it. It opens in the editor.
            Article created = admin.articles().create(copy, AdminContext.user());
            Notices.show(admin.text("news.admin.duplicated"));
            UI.getCurrent().navigate("article", QueryParameters.of("id", created.id()));
        } catch (ValidationException e) {
            showFirstError(e);
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }

    /** A row action has no form to mark: the first of the article's problems, as a notice. */
    private void showFirstError(ValidationException e) {
        Notices.show(admin.text(
                e.errors().get(0).messageKey(), e.errors().get(0).arguments().toArray()));
    }

    private void save(Article article, ArticleDraft draft) {
        try {
            admin.articles().update(article.id(), article.version(), draft, AdminContext.user());
        } catch (ConflictException e) {
            Notices.show(admin.text("news.admin.error.conflict"));
        } catch (ArticleNotFoundException e) {
            Notices.show(admin.text("news.admin.error.gone"));
        } catch (ValidationException e) {
            showFirstError(e);
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
        refresh.run();
    }

    /** Delete moves to the trash, after a confirmation that names the article. */
    private void confirmDelete(Article article) {
        confirm(article, "news.admin.delete.title", "news.admin.delete.text", "news.admin.delete", () -> {
            admin.publishing().trash(article.id(), AdminContext.user());
            Notices.show(admin.text("news.admin.trashed", article.title()));
        });
    }

    /** Work that may fail on the repository. */
    @FunctionalInterface
    private interface RepositoryAction {
        void run() throws RepositoryException, ArticleNotFoundException;
    }

    private void confirm(Article article, String titleKey, String textKey, String buttonKey, RepositoryAction action) {
        Confirmation.open(
                admin,
                "confirm-delete",
                admin.text(titleKey),
                admin.text(textKey, article.title()),
                admin.text(buttonKey),
                () -> attempt(action));
    }

    /** Runs an action on one article, says what went wrong if it did, and shows the grid as it now is. */
    private void attempt(RepositoryAction action) {
        try {
            action.run();
        } catch (ArticleNotFoundException e) {
            Notices.show(admin.text("news.admin.error.gone"));
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
        refresh.run();
    }
}
