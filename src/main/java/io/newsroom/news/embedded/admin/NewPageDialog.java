package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.newsroom.news.article.Slugs;
import io.newsroom.news.article.ValidationException;
import io.newsroom.news.pages.SitePages;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.jcr.RepositoryException;

/**
 * A new page of the site: its title in both languages, its address (made from the title unless typed) and
 * its template. Problems are said on their fields and nothing is made; the new page then takes blocks.
 */
final class NewPageDialog {
    private NewPageDialog() {}

    /** The parent choice meaning "no parent": a page of the menu. */
    private static final String TOP_LEVEL = "/";

    static void open(AdminContext admin, Consumer<String> made) {
        Dialog dialog = new Dialog();
        dialog.setId("new-page-dialog");
        dialog.setHeaderTitle(admin.text("news.admin.pages.new"));
        TextField title = new TextField(admin.text("news.admin.pages.newTitle"));
        title.setId("new-page-title");
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(SitePages.MAX_TITLE);
        TextField titleEn = new TextField(admin.text("news.admin.pages.newTitleEn"));
        titleEn.setId("new-page-title-en");
        titleEn.setMaxLength(SitePages.MAX_TITLE);
        TextField name = new TextField(admin.text("news.admin.pages.newAddress"));
        name.setId("new-page-address");
        name.setPrefixComponent(new com.vaadin.flow.component.html.Span("/"));
        name.setHelperText(admin.text("news.admin.pages.newAddressHelp"));
        // The address the page gets unless one is typed, shown as the title is typed.
        title.addValueChangeListener(e -> name.setPlaceholder(Slugs.fromTitle(e.getValue())));
        title.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        Select<String> template = new Select<>();
        template.setId("new-page-template");
        template.setLabel(admin.text("news.admin.pages.newTemplate"));
        template.setItems(SitePages.NEW_PAGE_TEMPLATES);
        template.setItemLabelGenerator(
                id -> admin.templates().byId(id).map(t -> admin.text(t.title())).orElse(id));
        template.setValue(SitePages.NEW_PAGE_TEMPLATES.get(0));
        // At the top level (the menu's pages) or below one of them: /gioi-thieu/lich-su.
        Select<String> parent = new Select<>();
        parent.setId("new-page-parent");
        parent.setLabel(admin.text("news.admin.pages.newParent"));
        List<String> parents = new java.util.ArrayList<>(List.of(TOP_LEVEL));
        try {
            parents.addAll(admin.sitePages().parents());
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
        parent.setItems(parents);
        parent.setItemLabelGenerator(p -> p.equals(TOP_LEVEL) ? admin.text("news.admin.pages.topLevel") : p);
        parent.setValue(TOP_LEVEL);
        parent.addValueChangeListener(e -> name.setPrefixComponent(
                new com.vaadin.flow.component.html.Span((e.getValue().equals(TOP_LEVEL) ? "" : e.getValue()) + "/")));
        Map<String, com.vaadin.flow.component.HasValidation> fields =
                Map.of("title", title, "titleEn", titleEn, "name", name, "template", template, "parent", parent);
        Button cancel = new Button(admin.text("news.admin.cancel"), e -> dialog.close());
        Button create = new Button(admin.text("news.admin.pages.create"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                String path = admin.sitePages()
                        .create(
                                parent.getValue(),
                                title.getValue(),
                                titleEn.getValue(),
                                name.getValue(),
                                template.getValue(),
                                AdminContext.user());
                dialog.close();
                Notices.show(admin.text("news.admin.pages.created", path));
                made.accept(path);
            } catch (ValidationException refused) {
                FieldErrors.show(admin, refused, fields);
            } catch (RepositoryException failed) {
                Notices.show(admin.text("news.admin.error.repository"));
            }
        });
        create.setId("new-page-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(title, titleEn, parent, name, template));
        dialog.getFooter().add(cancel, create);
        dialog.open();
        title.focus();
    }
}
