package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.newsroom.news.definitions.DialogDefinition;
import io.newsroom.news.definitions.TemplateDefinition;
import io.newsroom.news.pages.WebsitePages;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.jcr.RepositoryException;

/**
 * "Pages": the site's pages and, for the chosen one, its areas and their components. A site
 * builder adds, removes and reorders components and edits their settings in forms generated from
 * the light module's dialogs, saved as Magnolia stores them in the pages' draft copies
 * ({@link io.newsroom.news.pages.PageDrafts}); a preview shows the draft, and readers get it once the
 * page is published. The state line says which it is.
 */
public class PagesView extends VerticalLayout {
    private final AdminContext admin = AdminContext.current();
    private final Select<WebsitePages.PageInfo> page = new Select<>();
    private final Div areas = new Div();

    public PagesView() {
        setMaxWidth("960px");
        add(new H2(admin.text("news.admin.pages.title")));
        page.setId("page-select");
        page.setLabel(admin.text("news.admin.pages.page"));
        page.setItemLabelGenerator(p -> (p.title() == null ? p.path() : p.title()) + "  (" + p.path() + ")");
        page.setWidth("min(480px, 100%)");
        page.addValueChangeListener(e -> showAreas());
        areas.setId("page-areas");
        areas.setWidthFull();
        Button newPage = new Button(admin.text("news.admin.pages.new"), e -> NewPageDialog.open(admin, this::showPage));
        newPage.setId("new-page");
        deletePage.setId("delete-page");
        deletePage.addThemeVariants(ButtonVariant.LUMO_ERROR);
        deletePage.addClickListener(e -> confirmDelete());
        HorizontalLayout choosing = new HorizontalLayout(page, newPage, deletePage);
        choosing.setAlignItems(Alignment.BASELINE);
        choosing.setWrap(true);
        pageState.setId("page-state");
        previewPage.setId("preview-page");
        previewPage.addClickListener(e -> previewChosen());
        publishPage.setId("publish-page");
        publishPage.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publishPage.addClickListener(e -> publishChosen());
        discardPage.setId("discard-page");
        discardPage.addClickListener(e -> confirmDiscard());
        HorizontalLayout publishing = new HorizontalLayout(pageState, previewPage, publishPage, discardPage);
        publishing.setAlignItems(Alignment.BASELINE);
        publishing.setWrap(true);
        add(menu, choosing, publishing, areas);
        showPage(null);
    }

    /** Where the chosen page stands: never published, changed since, or as readers see it. */
    private final Span pageState = new Span();

    private final Button previewPage = new Button(admin.text("news.admin.pages.preview"));
    private final Button publishPage = new Button(admin.text("news.admin.pages.publish"));
    private final Button discardPage = new Button(admin.text("news.admin.pages.discard"));

    private void showState(WebsitePages.PageInfo chosen) {
        io.newsroom.news.pages.PageDrafts.State state = null;
        try {
            state = chosen == null ? null : admin.pageDrafts().state(chosen.path());
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
        pageState.setText(
                state == null
                        ? ""
                        : admin.text(
                                switch (state) {
                                    case NEW -> "news.admin.pages.state.new";
                                    case CHANGED -> "news.admin.pages.state.changed";
                                    case PUBLISHED -> "news.admin.pages.state.published";
                                }));
        previewPage.setVisible(state != null);
        publishPage.setVisible(state == io.newsroom.news.pages.PageDrafts.State.NEW
                || state == io.newsroom.news.pages.PageDrafts.State.CHANGED);
        discardPage.setVisible(state == io.newsroom.news.pages.PageDrafts.State.CHANGED);
    }

    /** Signed links to the chosen page's draft in both languages. */
    private void previewChosen() {
        WebsitePages.PageInfo chosen = page.getValue();
        if (chosen != null) {
            PreviewDialog.open(
                    admin,
                    chosen.title() == null ? chosen.path() : chosen.title(),
                    locale -> admin.previews().page(chosen.path(), locale),
                    false);
        }
    }

    private void publishChosen() {
        WebsitePages.PageInfo chosen = page.getValue();
        if (chosen == null) {
            return;
        }
        try {
            admin.pageDrafts().publish(chosen.path(), AdminContext.user());
            Notices.show(admin.text("news.admin.pages.published", chosen.path()));
        } catch (io.newsroom.news.pages.PageDrafts.ParentNotPublished e) {
            Notices.show(admin.text(
                    "news.admin.pages.publishParentFirst",
                    chosen.path().substring(0, chosen.path().lastIndexOf('/'))));
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
        menu.refresh();
        showState(chosen);
    }

    /** Drops the chosen page's unpublished changes after a confirmation. */
    private void confirmDiscard() {
        WebsitePages.PageInfo chosen = page.getValue();
        if (chosen == null) {
            return;
        }
        Confirmation.open(
                admin,
                "confirm-discard-page",
                admin.text("news.admin.pages.discardTitle", chosen.title() == null ? chosen.path() : chosen.title()),
                admin.text("news.admin.pages.discardText"),
                admin.text("news.admin.pages.discard"),
                () -> act(() -> {
                    admin.pageDrafts().discard(chosen.path(), AdminContext.user());
                    Notices.show(admin.text("news.admin.pages.discarded"));
                }));
    }

    /** The site's menu, above the pages. */
    private final SiteMenuEditor menu = new SiteMenuEditor(admin);

    private final Button deletePage = new Button(admin.text("news.admin.pages.delete"));

    /** Lists the pages again and shows {@code path} (null: the first). */
    private void showPage(String path) {
        try {
            // Pages readers have that have no draft copy yet (made by an import, the demo) get one.
            admin.pageDrafts().copyNewPages();
            List<WebsitePages.PageInfo> all = admin.pages().pages();
            page.setItems(all);
            menu.refresh();
            if (!all.isEmpty()) {
                page.setValue(all.stream()
                        .filter(p -> p.path().equals(path))
                        .findFirst()
                        .orElse(all.get(0)));
            } else {
                areas.add(new Paragraph(admin.text("news.admin.pages.none")));
            }
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }

    /** Deletes the chosen page after a confirmation that says what readers will get. */
    private void confirmDelete() {
        WebsitePages.PageInfo chosen = page.getValue();
        if (chosen == null) {
            return;
        }
        Confirmation.open(
                admin,
                "confirm-delete-page",
                admin.text("news.admin.pages.deleteTitle", chosen.title() == null ? chosen.path() : chosen.title()),
                admin.text("news.admin.pages.deleteText", chosen.path()),
                admin.text("news.admin.delete"),
                () -> {
                    try {
                        admin.sitePages().delete(chosen.path(), AdminContext.user());
                        Notices.show(admin.text("news.admin.pages.deleted", chosen.path()));
                        showPage(null);
                    } catch (RepositoryException e) {
                        Notices.show(admin.text("news.admin.error.repository"));
                    }
                });
    }

    private void showAreas() {
        areas.removeAll();
        WebsitePages.PageInfo chosen = page.getValue();
        // The site's own pages (start page, news section) stay; pages made here may go.
        deletePage.setVisible(chosen != null && admin.sitePages().deletable(chosen.path()));
        showState(chosen);
        if (chosen == null) {
            return;
        }
        try {
            for (WebsitePages.AreaInfo area : admin.pages().areas(chosen.path())) {
                areas.add(area(chosen, area));
            }
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }

    private VerticalLayout area(WebsitePages.PageInfo chosen, WebsitePages.AreaInfo area) {
        VerticalLayout box = new VerticalLayout();
        box.setId("area-" + area.name());
        box.setPadding(false);
        box.add(new H3(areaTitle(area.name())));
        if (area.components().isEmpty()) {
            box.add(new Paragraph(admin.text("news.admin.pages.empty")));
        }
        for (int i = 0; i < area.components().size(); i++) {
            removedIndex.put(area.components().get(i).path(), i);
            HorizontalLayout row =
                    row(area.components().get(i), i, area.components().size());
            // Dropped on a row, a block goes before it (from this area or another that may take it).
            String before = area.components().get(i).path();
            DropTarget.create(row)
                    .addDropListener(e -> e.getDragData()
                            .ifPresent(dragged -> dropped(String.valueOf(dragged), area.name(), before)));
            box.add(row);
        }
        // Dropped here, a block goes last in this area.
        Div end = new Div(new Span(admin.text("news.admin.pages.dropHere")));
        end.addClassName("component-drop-end");
        end.getElement().setAttribute("data-area", area.name());
        end.getStyle()
                .set("border", "1px dashed var(--lumo-contrast-30pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");
        end.setWidthFull();
        DropTarget.create(end)
                .addDropListener(
                        e -> e.getDragData().ifPresent(dragged -> dropped(String.valueOf(dragged), area.name(), null)));
        box.add(end);
        Select<String> kind = new Select<>();
        kind.setId("add-kind-" + area.name());
        kind.setItems(area.availableComponents());
        kind.setItemLabelGenerator(this::title);
        kind.setAriaLabel(admin.text("news.admin.pages.kind"));
        if (!area.availableComponents().isEmpty()) {
            kind.setValue(area.availableComponents().get(0));
        }
        Button add =
                new Button(admin.text("news.admin.pages.add"), e -> addComponent(chosen, area.name(), kind.getValue()));
        add.setId("add-" + area.name());
        HorizontalLayout adding = new HorizontalLayout(kind, add);
        adding.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        box.add(adding);
        return box;
    }

    private HorizontalLayout row(WebsitePages.ComponentInfo component, int index, int count) {
        Span name = new Span(title(component.templateId()));
        name.getStyle().set("font-weight", "600");
        Span summary = new Span(summary(component));
        summary.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Button edit = small(admin.text("news.admin.edit"), () -> edit(component));
        edit.addClassName("component-edit");
        Button up = small(
                admin.text("news.admin.moveUp"),
                () -> act(() -> admin.pages().move(component.path(), -1, AdminContext.user())));
        up.addClassName("component-up");
        up.setEnabled(index > 0);
        Button down = small(
                admin.text("news.admin.moveDown"),
                () -> act(() -> admin.pages().move(component.path(), 1, AdminContext.user())));
        down.addClassName("component-down");
        down.setEnabled(index < count - 1);
        Button remove = small(admin.text("news.admin.pages.remove"), () -> confirmRemove(component));
        remove.addClassName("component-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        VerticalLayout text = new VerticalLayout(name, summary);
        text.setPadding(false);
        text.setSpacing(false);
        HorizontalLayout row = new HorizontalLayout(text, edit, up, down, remove);
        // Dragged by the row (the buttons stay for keyboards and phones).
        DragSource.create(row).setDragData(component.path());
        row.addClassName("component-row");
        row.getElement().setAttribute("data-path", component.path());
        row.setWidthFull();
        row.setWrap(true);
        row.expand(text);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return row;
    }

    /** A block dropped in {@code area}, before the block at {@code before} (null: last). */
    private void dropped(String dragged, String area, String before) {
        if (dragged.equals(before)) {
            return;
        }
        try {
            admin.pages().moveTo(dragged, area, before, AdminContext.user());
        } catch (IllegalArgumentException notHere) {
            Notices.show(admin.text("news.admin.pages.notAllowedHere"));
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
        showAreas();
    }

    /** The areas of the light module's pages as editors call them; another area keeps its id. */
    private static final Map<String, String> AREA_TITLES = Map.of(
            "main", "news.admin.pages.area.main",
            "aside", "news.admin.pages.area.aside",
            "related", "news.admin.pages.area.related");

    private String areaTitle(String name) {
        String key = AREA_TITLES.get(name);
        return key != null ? admin.text(key) : admin.text("news.admin.pages.area", name);
    }

    /**
     * A few of the component's settings, so rows can be told apart, labelled as its dialog labels them
     * ("Bố cục: Danh sách · Số bài: 5"); the heading as written.
     */
    private String summary(WebsitePages.ComponentInfo component) {
        Map<String, DialogDefinition.Field> fields = new HashMap<>();
        dialogOf(component.templateId()).ifPresent(d -> d.fields().forEach(f -> fields.put(f.name(), f)));
        StringBuilder text = new StringBuilder();
        for (String key : List.of("heading", "category", "layout", "maxItems", "pageSize", "period")) {
            Object value = component.values().get(key);
            if (value == null) {
                continue;
            }
            DialogDefinition.Field field = fields.get(key);
            String shown = field == null
                    ? String.valueOf(value)
                    : field.options().stream()
                            .filter(o -> o.labelKey() != null && o.value().equals(String.valueOf(value)))
                            .findFirst()
                            .map(o -> admin.text(o.labelKey()))
                            .orElse(String.valueOf(value));
            boolean labelled = field != null && !key.equals("heading") && field.labelKey() != null;
            text.append(text.length() == 0 ? "" : " · ")
                    .append(labelled ? admin.text(field.labelKey()) + ": " + shown : shown);
        }
        return text.toString();
    }

    private String title(String templateId) {
        Optional<TemplateDefinition> definition = admin.templates().byId(templateId);
        return definition
                .map(d -> d.title() == null ? templateId : admin.text(d.title()))
                .orElse(templateId);
    }

    private void edit(WebsitePages.ComponentInfo component) {
        Optional<DialogDefinition> dialog = dialogOf(component.templateId());
        if (dialog.isEmpty()) {
            Notices.show(admin.text("news.admin.pages.noDialog"));
            return;
        }
        try {
            // The form opens on what is stored now; its save is refused if someone saves meanwhile.
            WebsitePages.ComponentInfo fresh =
                    admin.pages().component(component.path()).orElse(component);
            new ComponentForm(admin, admin.pages(), dialog.get(), fresh).open(saved -> showAreas());
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }

    /**
     * Opens the settings of a new component of {@code templateId}, starting from its dialog's defaults;
     * it is stored in the area only when that form is saved (a cancelled add adds nothing).
     */
    private void addComponent(WebsitePages.PageInfo chosen, String area, String templateId) {
        if (templateId == null) {
            return;
        }
        Optional<DialogDefinition> dialog = dialogOf(templateId);
        if (dialog.isEmpty()) {
            Notices.show(admin.text("news.admin.pages.noDialog"));
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        dialog.get().fields().forEach(f -> {
            if (f.defaultValue() != null) {
                defaults.put(
                        f.name(),
                        f.kind() == DialogDefinition.Kind.NUMBER
                                ? Long.valueOf(String.valueOf(f.defaultValue()))
                                : f.kind() == DialogDefinition.Kind.CHECKBOX
                                        ? Boolean.valueOf(String.valueOf(f.defaultValue()))
                                        : String.valueOf(f.defaultValue()));
            }
        });
        ComponentForm.adding(
                        admin,
                        admin.pages(),
                        dialog.get(),
                        new ComponentForm.Placement(chosen.path(), area, templateId),
                        defaults)
                .open(added -> showAreas());
    }

    private void confirmRemove(WebsitePages.ComponentInfo component) {
        Confirmation.open(
                admin,
                "confirm-remove-component",
                admin.text("news.admin.pages.removeTitle"),
                admin.text("news.admin.pages.removeText", title(component.templateId())),
                admin.text("news.admin.pages.remove"),
                () -> {
                    act(() -> admin.pages().remove(component.path(), AdminContext.user()));
                    offerUndo(component);
                });
    }

    /**
     * "Removed: … Undo" for ten seconds after a removal: the block comes back with its settings at its
     * place in the area.
     */
    private void offerUndo(WebsitePages.ComponentInfo removed) {
        String areaPath = removed.path().substring(0, removed.path().lastIndexOf('/'));
        String pagePath = areaPath.substring(0, areaPath.lastIndexOf('/'));
        String area = areaPath.substring(areaPath.lastIndexOf('/') + 1);
        int index = removedIndex.getOrDefault(removed.path(), -1);
        com.vaadin.flow.component.notification.Notification notice =
                new com.vaadin.flow.component.notification.Notification();
        notice.setId("undo-remove-notice");
        notice.setDuration(10_000);
        notice.setPosition(com.vaadin.flow.component.notification.Notification.Position.TOP_CENTER);
        Button undo = new Button(admin.text("news.admin.pages.undo"), e -> {
            notice.close();
            act(() -> admin.pages()
                    .addAt(pagePath, area, removed.templateId(), removed.values(), index, AdminContext.user()));
        });
        undo.setId("undo-remove");
        undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        com.vaadin.flow.component.orderedlayout.HorizontalLayout content =
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(
                        new Span(admin.text("news.admin.pages.removed", title(removed.templateId()))), undo);
        content.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        notice.add(content);
        notice.open();
    }

    /** Each shown block's place in its area, for putting a removed one back. */
    private final Map<String, Integer> removedIndex = new HashMap<>();

    @FunctionalInterface
    private interface PageChange {
        void run() throws RepositoryException;
    }

    private void act(PageChange change) {
        try {
            change.run();
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
        showAreas();
    }

    private Optional<DialogDefinition> dialogOf(String templateId) {
        try {
            Optional<TemplateDefinition> definition = admin.templates().byId(templateId);
            return definition.isEmpty()
                    ? Optional.empty()
                    : admin.dialogs().apply(definition.get().dialog());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Button small(String text, Runnable action) {
        Button button = new Button(text, e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }
}
