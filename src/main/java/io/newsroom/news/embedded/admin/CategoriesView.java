package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.newsroom.news.article.FieldError;
import io.newsroom.news.article.ValidationException;
import io.newsroom.news.categories.Categories;
import io.newsroom.news.categories.Categories.Category;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.jcr.RepositoryException;

/**
 * The newsroom's categories: a name in each language, a description, the address made from the name, and
 * how many articles each has. Editors add, rename (the old address keeps leading to the category) and
 * delete them (one in use only by moving its articles into another).
 */
public class CategoriesView extends VerticalLayout {
    private final AdminContext admin = AdminContext.current();
    private final Grid<Category> grid = new Grid<>();
    private final Span empty = new Span();

    public CategoriesView() {
        setSizeFull();
        Button add = new Button(admin.text("news.admin.categories.add"), e -> edit(null));
        add.setId("new-category");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("categories");
        // On a phone one column tells it all: the names, then the address and the number of articles.
        grid.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<Category>of(
                                "<div style=\"white-space: normal; line-height: 1.35\"><div><b>${item.name}</b></div>"
                                        + "<div>${item.nameEn}</div><div style=\"color: var(--lumo-secondary-text-color)\">"
                                        + "${item.address} · ${item.articles}</div></div>")
                        .withProperty("name", Category::name)
                        .withProperty("nameEn", c -> c.nameEn() == null ? "" : c.nameEn())
                        .withProperty("address", c -> "/news/" + c.slug())
                        .withProperty(
                                "articles", c -> admin.text("news.admin.categories.articlesCount", articles(c.name()))))
                .setHeader(admin.text("news.admin.categories.name"))
                .setKey("summary")
                .setVisible(false);
        grid.addColumn(Category::name)
                .setHeader(admin.text("news.admin.categories.name"))
                .setKey("name")
                .setFlexGrow(1);
        grid.addColumn(c -> c.nameEn() == null ? "" : c.nameEn())
                .setHeader(admin.text("news.admin.categories.nameEn"))
                .setKey("nameEn")
                .setFlexGrow(1);
        grid.addColumn(c -> "/news/" + c.slug())
                .setHeader(admin.text("news.admin.categories.address"))
                .setKey("address")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(c -> articles(c.name()))
                .setHeader(admin.text("news.admin.categories.articles"))
                .setKey("articles")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(c -> new RowActions()
                        .button(admin.text("news.admin.categories.edit"), "edit-category", () -> edit(c))
                        .dangerButton(admin.text("news.admin.delete"), "delete-category", () -> delete(c))
                        .of(narrow, admin.text("news.admin.moreActions")))
                .setHeader(admin.text("news.admin.actions"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        empty.setId("categories-empty");
        add(new H2(admin.text("news.admin.nav.categories")), add, empty, grid);
        expand(grid);
        refresh();
    }

    private boolean narrow;

    private void fitTo(int width) {
        boolean nowNarrow = width < PhoneWidth.NARROW;
        if (nowNarrow != narrow) {
            narrow = nowNarrow;
            grid.getColumnByKey("summary").setVisible(narrow);
            for (String key : new String[] {"name", "nameEn", "address", "articles"}) {
                grid.getColumnByKey(key).setVisible(!narrow);
            }
            grid.getDataProvider().refreshAll();
            grid.recalculateColumnWidths();
        }
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        PhoneWidth.follow(event, this::fitTo);
    }

    /** Published and draft articles of the category, as the archive counts them (the trash not). */
    private long articles(String name) {
        return admin.module().archive().page(false, name, Instant.now(), 0, 0).total();
    }

    private void refresh() {
        try {
            List<Category> all = admin.categories().list();
            grid.setItems(all);
            empty.setText(all.isEmpty() ? admin.text("news.admin.categories.empty") : "");
            empty.setVisible(all.isEmpty());
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }

    /** Adds ({@code category} null) or changes a category in a dialog; problems are said on their fields. */
    private void edit(Category category) {
        Dialog dialog = new Dialog();
        dialog.setId("category-dialog");
        dialog.setHeaderTitle(
                category == null
                        ? admin.text("news.admin.categories.add")
                        : admin.text("news.admin.categories.editTitle", category.name()));
        TextField name = field(new TextField(), "category-name", "news.admin.categories.name", Categories.MAX_NAME);
        TextField nameEn =
                field(new TextField(), "category-name-en", "news.admin.categories.nameEn", Categories.MAX_NAME);
        TextArea description = field(
                new TextArea(),
                "category-description",
                "news.admin.categories.description",
                Categories.MAX_DESCRIPTION);
        TextArea descriptionEn = field(
                new TextArea(),
                "category-description-en",
                "news.admin.categories.descriptionEn",
                Categories.MAX_DESCRIPTION);
        name.setRequiredIndicatorVisible(true);
        if (category != null) {
            name.setValue(category.name());
            nameEn.setValue(category.nameEn() == null ? "" : category.nameEn());
            description.setValue(category.description() == null ? "" : category.description());
            descriptionEn.setValue(category.descriptionEn() == null ? "" : category.descriptionEn());
            name.setHelperText(admin.text("news.admin.categories.renameHelp", "/news/" + category.slug()));
        }
        Map<String, com.vaadin.flow.component.textfield.TextFieldBase<?, String>> fields =
                Map.of("name", name, "nameEn", nameEn, "description", description, "descriptionEn", descriptionEn);
        Button cancel = new Button(admin.text("news.admin.cancel"), e -> dialog.close());
        Button save = new Button(admin.text("news.admin.save"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            Categories.Draft draft = new Categories.Draft(
                    name.getValue(), nameEn.getValue(), description.getValue(), descriptionEn.getValue());
            try {
                Category saved = category == null
                        ? admin.categories().create(draft, AdminContext.user())
                        : admin.categories().update(category.id(), draft, AdminContext.user());
                dialog.close();
                Notices.show(admin.text("news.admin.categories.saved", saved.name()));
                refresh();
            } catch (ValidationException refused) {
                FieldErrors.show(admin, refused, fields);
            } catch (RepositoryException failed) {
                Notices.show(admin.text("news.admin.error.repository"));
            }
        });
        save.setId("category-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, nameEn, description, descriptionEn);
        form.setWidth("min(40rem, 85vw)");
        dialog.add(form);
        dialog.getFooter().add(cancel, save);
        dialog.open();
        name.focus();
    }

    private <T extends com.vaadin.flow.component.textfield.TextFieldBase<?, String>> T field(
            T field, String id, String labelKey, int maxLength) {
        field.setId(id);
        field.setLabel(admin.text(labelKey));
        if (field instanceof TextField text) {
            text.setMaxLength(maxLength);
        } else if (field instanceof TextArea area) {
            area.setMaxLength(maxLength);
        }
        return field;
    }

    /** Deletes after a confirmation; a category articles have asks where they go first. */
    private void delete(Category category) {
        long inUse;
        try {
            inUse = admin.categories().articlesIn(category.name());
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("delete-category-dialog");
        dialog.setHeaderTitle(admin.text("news.admin.categories.deleteTitle", category.name()));
        Select<Category> moveTo = new Select<>();
        moveTo.setId("category-move-to");
        moveTo.setLabel(admin.text("news.admin.categories.moveTo"));
        moveTo.setItemLabelGenerator(Category::name);
        try {
            moveTo.setItems(admin.categories().list().stream()
                    .filter(c -> !c.id().equals(category.id()))
                    .toList());
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
            return;
        }
        if (inUse > 0) {
            dialog.add(new Paragraph(admin.text("news.admin.categories.deleteInUse", inUse)), moveTo);
        } else {
            dialog.add(new Paragraph(admin.text("news.admin.categories.deleteText")));
        }
        Button cancel = new Button(admin.text("news.admin.cancel"), e -> dialog.close());
        Button confirm = new Button(admin.text("news.admin.delete"), e -> {
            try {
                admin.categories()
                        .delete(
                                category.id(),
                                moveTo.getValue() == null
                                        ? null
                                        : moveTo.getValue().id(),
                                AdminContext.user());
                dialog.close();
                Notices.show(admin.text("news.admin.categories.deleted", category.name()));
                refresh();
            } catch (ValidationException refused) {
                FieldError error = refused.errors().get(0);
                moveTo.setInvalid(true);
                moveTo.setErrorMessage(
                        admin.text(error.messageKey(), error.arguments().toArray()));
            } catch (RepositoryException failed) {
                Notices.show(admin.text("news.admin.error.repository"));
            }
        });
        confirm.setId("delete-category-button");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }
}
