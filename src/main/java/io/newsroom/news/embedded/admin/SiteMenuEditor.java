package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.newsroom.news.article.ValidationException;
import io.newsroom.news.pages.SiteMenu;
import java.util.Map;
import javax.jcr.RepositoryException;

/**
 * The Pages screen's menu: the site's top-level pages in menu order, each with its menu title in both
 * languages and whether the menu shows it; moved up and down here. Readers see the change on the next page.
 */
final class SiteMenuEditor extends VerticalLayout {
    private final AdminContext admin;
    private final Grid<SiteMenu.Entry> grid = new Grid<>();

    SiteMenuEditor(AdminContext admin) {
        this.admin = admin;
        setPadding(false);
        grid.setId("site-menu");
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> e.title() != null ? e.title() : e.pageTitle())
                .setHeader(admin.text("news.admin.menu.title"))
                .setFlexGrow(1);
        grid.addColumn(e -> e.titleEn() == null ? "" : e.titleEn())
                .setHeader(admin.text("news.admin.menu.titleEn"))
                .setFlexGrow(1);
        grid.addColumn(e -> admin.text(e.shown() ? "news.admin.menu.shown" : "news.admin.menu.hidden"))
                .setHeader(admin.text("news.admin.menu.state"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(e -> new RowActions()
                        .button(admin.text("news.admin.menu.edit"), "menu-edit", () -> edit(e))
                        .button("↑", "menu-up", () -> move(e, -1))
                        .button("↓", "menu-down", () -> move(e, 1))
                        .of(false, admin.text("news.admin.moreActions")))
                .setHeader(admin.text("news.admin.actions"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        add(new H3(admin.text("news.admin.menu.heading")), grid);
        refresh();
    }

    void refresh() {
        try {
            grid.setItems(admin.menu().entries());
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }

    private void move(SiteMenu.Entry entry, int step) {
        try {
            admin.menu().move(entry.path(), step, AdminContext.user());
            refresh();
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }

    private void edit(SiteMenu.Entry entry) {
        Dialog dialog = new Dialog();
        dialog.setId("menu-dialog");
        dialog.setHeaderTitle(
                admin.text("news.admin.menu.editTitle", entry.pageTitle() == null ? entry.path() : entry.pageTitle()));
        TextField title = new TextField(admin.text("news.admin.menu.title"));
        title.setId("menu-title");
        title.setMaxLength(SiteMenu.MAX_TITLE);
        title.setPlaceholder(entry.pageTitle());
        title.setHelperText(admin.text("news.admin.menu.titleHelp"));
        title.setValue(entry.title() == null ? "" : entry.title());
        TextField titleEn = new TextField(admin.text("news.admin.menu.titleEn"));
        titleEn.setId("menu-title-en");
        titleEn.setMaxLength(SiteMenu.MAX_TITLE);
        titleEn.setValue(entry.titleEn() == null ? "" : entry.titleEn());
        Checkbox shown = new Checkbox(admin.text("news.admin.menu.show"), entry.shown());
        shown.setId("menu-shown");
        Map<String, TextField> fields = Map.of("navigationTitle", title, "navigationTitleEn", titleEn);
        Button cancel = new Button(admin.text("news.admin.cancel"), e -> dialog.close());
        Button save = new Button(admin.text("news.admin.save"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                admin.menu()
                        .set(entry.path(), title.getValue(), titleEn.getValue(), shown.getValue(), AdminContext.user());
                dialog.close();
                Notices.show(admin.text("news.admin.menu.saved"));
                refresh();
            } catch (ValidationException refused) {
                FieldErrors.show(admin, refused, fields);
            } catch (RepositoryException failed) {
                Notices.show(admin.text("news.admin.error.repository"));
            }
        });
        save.setId("menu-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(title, titleEn, shown));
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }
}
