package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Someone saved the article after this editor opened it: their changes shown field by field beside the
 * editor's, each to keep from one side, then saved on purpose over their version (merged, or the
 * editor's as it is); or their version loaded; or back to the form. Nothing is overwritten unseen.
 */
final class ConflictDialog {
    private ConflictDialog() {}

    /**
     * @param base what the editor opened; {@code mine} the form; {@code theirs} the article as now stored
     * @param saveOver saves a draft over {@code theirs}' version
     * @param takeTheirs loads {@code theirs} into the form
     */
    static void open(
            AdminContext admin,
            ArticleDraft base,
            ArticleDraft mine,
            Article theirs,
            Consumer<ArticleDraft> saveOver,
            Runnable takeTheirs) {
        Dialog dialog = new Dialog();
        dialog.setId("conflict");
        dialog.setWidth("min(56rem, 95vw)");
        dialog.setHeaderTitle(admin.text("news.admin.conflict.title"));
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.add(new Paragraph(admin.text(
                "news.admin.conflict.text",
                theirs.lastModifiedBy() == null ? "?" : theirs.lastModifiedBy(),
                theirs.lastModified() == null
                        ? ""
                        : ArticleRow.POSTED.format(theirs.lastModified().atZone(admin.zone())))));
        List<ConflictMerge.Difference> differences = ConflictMerge.differences(base, mine, theirs.toDraft());
        Map<ConflictMerge.Field, RadioButtonGroup<Boolean>> choices = new LinkedHashMap<>();
        for (ConflictMerge.Difference difference : differences) {
            RadioButtonGroup<Boolean> keep = new RadioButtonGroup<>();
            keep.setId("merge-" + difference.field().name().toLowerCase());
            keep.setItems(Boolean.TRUE, Boolean.FALSE);
            keep.setItemLabelGenerator(theirsSide ->
                    admin.text(theirsSide ? "news.admin.conflict.keepTheirs" : "news.admin.conflict.keepMine"));
            keep.setValue(difference.theirsByDefault());
            keep.setLabel(admin.text(difference.field().labelKey) + " · " + admin.text(whoChanged(difference)));
            choices.put(difference.field(), keep);
            HorizontalLayout values = new HorizontalLayout(
                    value(admin, "news.admin.conflict.theirs", difference.theirs(), "merge-theirs"),
                    value(admin, "news.admin.conflict.mine", difference.mine(), "merge-mine"));
            values.setWidthFull();
            content.add(keep, values);
        }
        if (differences.isEmpty()) {
            content.add(new Paragraph(admin.text("news.admin.conflict.same")));
        }
        dialog.add(content);

        Button merge = new Button(admin.text("news.admin.conflict.merge"), e -> {
            Set<ConflictMerge.Field> fromTheirs = EnumSet.noneOf(ConflictMerge.Field.class);
            choices.forEach((field, keep) -> {
                if (Boolean.TRUE.equals(keep.getValue())) {
                    fromTheirs.add(field);
                }
            });
            dialog.close();
            saveOver.accept(ConflictMerge.merged(mine, theirs.toDraft(), fromTheirs));
        });
        merge.setId("conflict-merge");
        merge.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button overwrite = new Button(admin.text("news.admin.conflict.overwrite"), e -> {
            dialog.close();
            saveOver.accept(mine);
        });
        overwrite.setId("conflict-overwrite");
        overwrite.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button reload = new Button(admin.text("news.admin.conflict.reload"), e -> {
            dialog.close();
            takeTheirs.run();
        });
        reload.setId("conflict-reload");
        Button keepEditing = new Button(admin.text("news.admin.conflict.keep"), e -> dialog.close());
        keepEditing.setId("conflict-keep");
        keepEditing.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        dialog.getFooter().add(keepEditing, reload, overwrite, merge);
        dialog.open();
    }

    private static String whoChanged(ConflictMerge.Difference difference) {
        if (difference.iChanged() && difference.theyChanged()) {
            return "news.admin.conflict.bothChanged";
        }
        return difference.theyChanged() ? "news.admin.conflict.theyChanged" : "news.admin.conflict.iChanged";
    }

    /** One side's value, whole (a long body scrolls), in the site's font. */
    private static Div value(AdminContext admin, String sideKey, Object value, String className) {
        Span side = new Span(admin.text(sideKey));
        side.getStyle().set("font-weight", "600").set("display", "block");
        Div text = new Div(ConflictMerge.shown(value, admin.zone()));
        text.addClassName(className);
        text.getStyle()
                .set("white-space", "pre-wrap")
                .set("max-height", "12rem")
                .set("overflow", "auto");
        Div box = new Div(side, text);
        box.getStyle()
                .set("flex", "1 1 0")
                .set("min-width", "0")
                .set("padding", "var(--lumo-space-s)")
                .set("background", "var(--lumo-contrast-5pct)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        return box;
    }
}
