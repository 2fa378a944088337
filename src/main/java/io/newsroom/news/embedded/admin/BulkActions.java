package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleNotFoundException;
import io.newsroom.news.article.ConflictException;
import io.newsroom.news.article.Publication;
import io.newsroom.news.article.ValidationException;
import io.newsroom.news.publishing.FeaturedRanks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.jcr.RepositoryException;

/**
 * Work on the selected rows at once: publish, unpublish, feature, unfeature, move to the trash.
 * One confirmation with the count; then each article is changed on its own (read fresh, so an
 * edit made meanwhile is never overwritten) and the result says what happened to each.
 */
final class BulkActions extends HorizontalLayout {

    /** What a bulk action does to one article. */
    enum Action {
        PUBLISH("publish", "news.admin.bulk.publish", "news.admin.bulk.confirm.publish"),
        UNPUBLISH("unpublish", "news.admin.bulk.unpublish", "news.admin.bulk.confirm.unpublish"),
        FEATURE("feature", "news.admin.bulk.feature", "news.admin.bulk.confirm.feature"),
        UNFEATURE("unfeature", "news.admin.bulk.unfeature", "news.admin.bulk.confirm.unfeature"),
        TRASH("trash", "news.admin.bulk.trash", "news.admin.bulk.confirm.trash");

        final String id;
        final String labelKey;
        final String confirmKey;

        Action(String id, String labelKey, String confirmKey) {
            this.id = id;
            this.labelKey = labelKey;
            this.confirmKey = confirmKey;
        }
    }

    /** What happened to one article. */
    enum Outcome {
        DONE("news.admin.bulk.outcome.done"),
        UNCHANGED("news.admin.bulk.outcome.unchanged"),
        GONE("news.admin.bulk.outcome.gone"),
        CONFLICT("news.admin.bulk.outcome.conflict"),
        FAILED("news.admin.bulk.outcome.failed");

        final String key;

        Outcome(String key) {
            this.key = key;
        }
    }

    record Result(String title, Outcome outcome) {}

    /** The rank a newly featured article gets first (after every ranked one); then they are moved to the top. */
    @FunctionalInterface
    interface NextRank {
        long get() throws RepositoryException;
    }

    private final AdminContext admin;
    private final Grid<Article> grid;
    private final NextRank nextRank;
    private final Runnable refresh;
    private final Span selected = new Span();
    private final List<Button> buttons = new ArrayList<>();

    BulkActions(AdminContext admin, Grid<Article> grid, NextRank nextRank, Runnable refresh) {
        this.admin = admin;
        this.grid = grid;
        this.nextRank = nextRank;
        this.refresh = refresh;
        setId("bulk-actions");
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        selected.setId("bulk-selected");
        add(selected);
        for (Action action : Action.values()) {
            Button button = new Button(admin.text(action.labelKey), e -> confirm(action));
            button.setId("bulk-" + action.id);
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            if (action == Action.TRASH) {
                button.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            buttons.add(button);
            add(button);
        }
        grid.asMultiSelect().addValueChangeListener(e -> showSelection());
        showSelection();
    }

    private void showSelection() {
        int n = grid.asMultiSelect().getSelectedItems().size();
        selected.setText(admin.text("news.admin.bulk.selected", n));
        buttons.forEach(b -> b.setEnabled(n > 0));
    }

    private void confirm(Action action) {
        List<Article> chosen = new ArrayList<>(grid.asMultiSelect().getSelectedItems());
        if (chosen.isEmpty()) {
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("confirm-bulk");
        dialog.setHeaderTitle(admin.text(action.confirmKey, chosen.size()));
        dialog.add(new Span(admin.text("news.admin.bulk.confirm.text")));
        Button cancel = new Button(admin.text("news.admin.cancel"), e -> dialog.close());
        Button go = new Button(admin.text(action.labelKey), e -> {
            dialog.close();
            showResults(action, apply(action, chosen));
        });
        go.setId("confirm-bulk-button");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (action == Action.TRASH) {
            go.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        dialog.getFooter().add(cancel, go);
        dialog.open();
    }

    /** Changes each article on its own, in the order the editor sees them (newest first). */
    private List<Result> apply(Action action, List<Article> chosen) {
        chosen.sort(Comparator.comparing(Article::postedDate, Comparator.nullsLast(Comparator.reverseOrder())));
        List<Result> results = new ArrayList<>();
        List<String> featuredNow = new ArrayList<>();
        for (Article row : chosen) {
            Outcome outcome = applyTo(action, row);
            results.add(new Result(row.title(), outcome));
            if (action == Action.FEATURE && outcome == Outcome.DONE) {
                featuredNow.add(row.id());
            }
        }
        putFirst(featuredNow);
        grid.asMultiSelect().clear();
        refresh.run();
        return results;
    }

    /**
     * As "Feature" on one row: the articles just featured go first in the featured block, in the order
     * they were changed, the others after them in their order (one save).
     */
    private void putFirst(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            admin.featuredRanks()
                    .store(
                            FeaturedRanks.withFirst(
                                    admin.module().featuredRanks().siteOrder(), ids),
                            AdminContext.user());
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }

    private Outcome applyTo(Action action, Article row) {
        String user = AdminContext.user();
        try {
            Optional<Article> fresh = admin.articles().findById(row.id());
            if (fresh.isEmpty()) {
                return Outcome.GONE;
            }
            Article article = fresh.get();
            if (article.isTrashed()) {
                return Outcome.UNCHANGED;
            }
            switch (action) {
                case PUBLISH -> {
                    if (article.publication().published()
                            && article.state(Instant.now()) != Publication.State.MODIFIED
                            && article.publication().lastActivated() != null) {
                        return Outcome.UNCHANGED;
                    }
                    admin.publishing().publish(article.id(), user);
                }
                case UNPUBLISH -> {
                    if (!article.publication().published()) {
                        return Outcome.UNCHANGED;
                    }
                    admin.publishing().unpublish(article.id(), user);
                }
                case FEATURE, UNFEATURE -> {
                    boolean feature = action == Action.FEATURE;
                    if (article.featured() == feature) {
                        return Outcome.UNCHANGED;
                    }
                    ArticleDraft draft = article.toDraft();
                    draft.setFeatured(feature);
                    draft.setFeaturedRank(feature ? nextRank.get() : null);
                    admin.articles().update(article.id(), article.version(), draft, user);
                }
                case TRASH -> admin.publishing().trash(article.id(), user);
            }
            return Outcome.DONE;
        } catch (ConflictException e) {
            return Outcome.CONFLICT;
        } catch (ArticleNotFoundException e) {
            return Outcome.GONE;
        } catch (ValidationException | RepositoryException e) {
            return Outcome.FAILED;
        }
    }

    private void showResults(Action action, List<Result> results) {
        long changed = results.stream().filter(r -> r.outcome() == Outcome.DONE).count();
        Dialog dialog = new Dialog();
        dialog.setId("bulk-result");
        dialog.setHeaderTitle(
                admin.text("news.admin.bulk.result", admin.text(action.labelKey), changed, results.size()));
        Grid<Result> list = new Grid<>();
        list.setId("bulk-result-grid");
        list.setAllRowsVisible(true);
        list.addColumn(Result::title)
                .setHeader(admin.text("news.article.title.label"))
                .setFlexGrow(3);
        list.addColumn(r -> admin.text(r.outcome().key))
                .setHeader(admin.text("news.admin.bulk.outcome"))
                .setFlexGrow(2);
        list.setItems(results);
        dialog.setWidth("min(720px, 95vw)");
        dialog.add(list);
        Button close = new Button(admin.text("news.admin.close"), e -> dialog.close());
        close.setId("bulk-result-close");
        dialog.getFooter().add(close);
        dialog.open();
    }
}
