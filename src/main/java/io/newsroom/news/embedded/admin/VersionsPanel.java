package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleNotFoundException;
import io.newsroom.news.article.ConflictException;
import io.newsroom.news.article.ValidationException;
import io.newsroom.news.publishing.ArticleVersion;
import io.newsroom.news.publishing.ArticleVersions;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.jcr.RepositoryException;

/**
 * The editor's list of an article's versions: view one, compare it with the current article,
 * restore it (after a confirmation; the replaced text is kept as a version), and keep the current
 * state as a version with a comment.
 */
final class VersionsPanel extends Details {
    private final AdminContext admin;
    private final ArticleVersions versions;
    private final Supplier<Article> current;
    private final Consumer<Article> restored;
    private final Span summary = new Span();
    private final Grid<ArticleVersion> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();

    /**
     * @param current  the article as stored now (what a version is compared with and restore checks against)
     * @param restored told of the article after a restore
     */
    VersionsPanel(AdminContext admin, ArticleVersions versions, Supplier<Article> current, Consumer<Article> restored) {
        this.admin = admin;
        this.versions = versions;
        this.current = current;
        this.restored = restored;
        setId("versions");
        setSummary(summary);
        setOpened(true);
        grid.setId("versions-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(ArticleVersion::name)
                .setHeader(admin.text("news.admin.versions.version"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(v -> ArticleRow.stamp(v.user(), v.created(), admin.zone()))
                .setHeader(admin.text("news.admin.versions.by"))
                .setAutoWidth(true);
        grid.addColumn(v -> v.comment() == null ? "" : v.comment())
                .setHeader(admin.text("news.admin.versions.comment"));
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        empty.setText(admin.text("news.admin.versions.none"));
        empty.setId("versions-empty");
        add(empty, grid);
    }

    /** Reads the article's history again. */
    void refresh() {
        Article article = current.get();
        List<ArticleVersion> history;
        try {
            history = article == null ? List.of() : versions.history(article.id());
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
            history = List.of();
        }
        summary.setText(admin.text("news.admin.versions.title", history.size()));
        grid.setItems(history);
        grid.setVisible(!history.isEmpty());
        empty.setVisible(history.isEmpty());
    }

    private HorizontalLayout actions(ArticleVersion version) {
        Button view = small(admin.text("news.admin.versions.view"), () -> view(version));
        view.setId("version-view-" + version.name());
        Button compare = small(admin.text("news.admin.versions.compare"), () -> compare(version));
        compare.setId("version-compare-" + version.name());
        Button restore = small(admin.text("news.admin.versions.restore"), () -> confirmRestore(version));
        restore.setId("version-restore-" + version.name());
        return new HorizontalLayout(view, compare, restore);
    }

    private static Button small(String text, Runnable action) {
        Button button = new Button(text, e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void view(ArticleVersion version) {
        Dialog dialog = dialog("version-dialog", admin.text("news.admin.versions.viewTitle", version.name()));
        Article content = version.content();
        dialog.add(new H3(content.title()));
        if (content.lead() != null) {
            dialog.add(new Paragraph(content.lead()));
        }
        // The body was sanitized when it was saved: shown as the site shows it.
        Div body = new Div();
        body.getElement().setProperty("innerHTML", content.body() == null ? "" : content.body());
        body.setId("version-body");
        dialog.add(body);
        dialog.open();
    }

    private void compare(ArticleVersion version) {
        Article now = current.get();
        Dialog dialog = dialog("compare-dialog", admin.text("news.admin.versions.compareTitle", version.name()));
        List<VersionComparison.FieldChange> fields = VersionComparison.fields(version.content(), now, admin.zone());
        List<VersionComparison.Line> body =
                VersionComparison.body(version.content().body(), now.body());
        boolean bodyChanged = body.stream().anyMatch(l -> l.kind() != VersionComparison.Kind.SAME);
        if (fields.isEmpty() && !bodyChanged) {
            Paragraph same = new Paragraph(admin.text("news.admin.versions.same"));
            same.setId("compare-same");
            dialog.add(same);
        }
        if (!fields.isEmpty()) {
            // Each changed field whole, the version's value then the current one, the words that changed marked.
            Div changes = new Div();
            changes.setId("compare-fields");
            for (VersionComparison.FieldChange change : fields) {
                Div field = new Div();
                field.addClassName("news-diff__field");
                Span label = new Span(admin.text(change.labelKey()));
                label.getStyle().set("font-weight", "600").set("display", "block");
                List<VersionComparison.Word> words = VersionComparison.words(change.then(), change.now());
                field.add(
                        label,
                        side(
                                admin.text("news.admin.versions.then", version.name()),
                                words,
                                VersionComparison.Kind.ADDED),
                        side(admin.text("news.admin.versions.now"), words, VersionComparison.Kind.REMOVED));
                field.getStyle().set("margin-bottom", "var(--lumo-space-m)");
                changes.add(field);
            }
            dialog.add(changes);
        }
        if (bodyChanged) {
            dialog.add(new H3(admin.text("news.article.body.label")));
            Div diff = new Div();
            diff.setId("compare-body");
            diff.addClassName("news-diff");
            for (int i = 0; i < body.size(); i++) {
                VersionComparison.Line line = body.get(i);
                // A paragraph rewritten in place (removed, then added): both shown with their changed words marked.
                VersionComparison.Line next = i + 1 < body.size() ? body.get(i + 1) : null;
                VersionComparison.Line previous = i > 0 ? body.get(i - 1) : null;
                String pairedWith = line.kind() == VersionComparison.Kind.REMOVED
                                && next != null
                                && next.kind() == VersionComparison.Kind.ADDED
                        ? next.text()
                        : line.kind() == VersionComparison.Kind.ADDED
                                        && previous != null
                                        && previous.kind() == VersionComparison.Kind.REMOVED
                                ? previous.text()
                                : null;
                diff.add(bodyRow(line, pairedWith));
            }
            dialog.add(diff);
        }
        dialog.open();
    }

    /** One side of a changed field: its heading, then its words, those of {@code otherSide} left out and its own changes marked. */
    private static Div side(String heading, List<VersionComparison.Word> words, VersionComparison.Kind otherSide) {
        Span title = new Span(heading);
        title.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div text = new Div();
        text.getStyle().set("white-space", "pre-wrap").set("line-height", "1.5");
        for (VersionComparison.Word word : words) {
            if (word.kind() != otherSide) {
                text.add(word(word));
            }
        }
        return new Div(title, text);
    }

    /** A word as shown: unchanged plain, removed struck out on red, added underlined on green. */
    private static Span word(VersionComparison.Word word) {
        Span span = new Span(word.text());
        if (word.kind() == VersionComparison.Kind.REMOVED) {
            span.addClassName("news-diff__word-removed");
            span.getStyle().set("background", "#f9d0d0").set("text-decoration", "line-through");
        } else if (word.kind() == VersionComparison.Kind.ADDED) {
            span.addClassName("news-diff__word-added");
            span.getStyle().set("background", "#c9efd3").set("text-decoration", "underline");
        }
        return span;
    }

    /** A paragraph of the body diff in the site's font; with {@code pairedWith}, its changed words marked. */
    private Div bodyRow(VersionComparison.Line line, String pairedWith) {
        Div row = new Div();
        row.addClassName("news-diff__" + line.kind().name().toLowerCase(Locale.ROOT));
        String mark = switch (line.kind()) {
            case SAME -> "  ";
            case REMOVED -> "− ";
            case ADDED -> "+ ";
        };
        row.add(new Span(mark));
        if (pairedWith == null) {
            row.add(new Span(line.text()));
        } else {
            boolean removed = line.kind() == VersionComparison.Kind.REMOVED;
            List<VersionComparison.Word> words = removed
                    ? VersionComparison.words(line.text(), pairedWith)
                    : VersionComparison.words(pairedWith, line.text());
            VersionComparison.Kind other = removed ? VersionComparison.Kind.ADDED : VersionComparison.Kind.REMOVED;
            words.stream().filter(w -> w.kind() != other).forEach(w -> row.add(word(w)));
        }
        row.getStyle().set("white-space", "pre-wrap").set("padding", "2px 6px").set("line-height", "1.5");
        if (line.kind() == VersionComparison.Kind.REMOVED) {
            row.getStyle().set("background", "#fdf0f0");
            row.getElement().setAttribute("title", admin.text("news.admin.versions.removed"));
        } else if (line.kind() == VersionComparison.Kind.ADDED) {
            row.getStyle().set("background", "#eef9f1");
            row.getElement().setAttribute("title", admin.text("news.admin.versions.added"));
        }
        return row;
    }

    private void confirmRestore(ArticleVersion version) {
        Dialog dialog = new Dialog();
        dialog.setId("confirm-restore");
        dialog.setHeaderTitle(admin.text("news.admin.versions.restoreTitle", version.name()));
        dialog.add(new Span(admin.text("news.admin.versions.restoreText")));
        Button cancel = new Button(admin.text("news.admin.cancel"), e -> dialog.close());
        Button confirm = new Button(admin.text("news.admin.versions.restore"), e -> {
            dialog.close();
            restore(version);
        });
        confirm.setId("confirm-restore-button");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private void restore(ArticleVersion version) {
        Article now = current.get();
        try {
            Article article = admin.publishing()
                    .restoreVersion(
                            now.id(),
                            now.version(),
                            version.name(),
                            AdminContext.user(),
                            admin.text("news.admin.versions.keptBeforeRestore", version.name()));
            Notices.show(admin.text("news.admin.versions.restored", version.name()));
            restored.accept(article);
        } catch (ConflictException e) {
            Notices.show(admin.text("news.admin.error.conflict"));
        } catch (ArticleNotFoundException e) {
            Notices.show(admin.text("news.admin.error.gone"));
        } catch (ValidationException e) {
            Notices.show(admin.text("news.admin.error.invalid"));
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }

    /** Asks for an optional comment, then keeps the stored article as a version. */
    void saveVersion() {
        Article now = current.get();
        if (now == null) {
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("save-version-dialog");
        dialog.setHeaderTitle(admin.text("news.admin.versions.save"));
        TextField comment = new TextField(admin.text("news.admin.versions.comment"));
        comment.setId("version-comment");
        comment.setMaxLength(500);
        comment.setWidthFull();
        dialog.add(comment);
        Button cancel = new Button(admin.text("news.admin.cancel"), e -> dialog.close());
        Button keep = new Button(admin.text("news.admin.versions.save"), e -> {
            dialog.close();
            try {
                versions.save(now.id(), AdminContext.user(), comment.getValue());
                Notices.show(admin.text("news.admin.versions.saved"));
                refresh();
                setOpened(true);
            } catch (ArticleNotFoundException ex) {
                Notices.show(admin.text("news.admin.error.gone"));
            } catch (RepositoryException ex) {
                Notices.show(admin.text("news.admin.error.repository"));
            }
        });
        keep.setId("save-version-button");
        keep.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, keep);
        dialog.open();
        comment.focus();
    }

    private Dialog dialog(String id, String title) {
        Dialog dialog = new Dialog();
        dialog.setId(id);
        dialog.setHeaderTitle(title);
        dialog.setWidth("min(900px, 95vw)");
        Button close = new Button(admin.text("news.admin.close"), e -> dialog.close());
        close.setId(id + "-close");
        dialog.getFooter().add(close);
        return dialog;
    }
}
