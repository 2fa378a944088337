package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.newsroom.news.article.Article;
import io.newsroom.news.assets.ImageAssets;
import io.newsroom.news.embedded.renditions.ImageRenditions;
import java.util.List;
import java.util.regex.Pattern;
import javax.jcr.RepositoryException;

/**
 * The stored images as thumbnails, newest first, searched by file name, alt text or caption; each has
 * details (alt text, caption, credit, and a focal point set by clicking the picture, which crops keep),
 * says which articles use it, and can be deleted when nothing uses it (otherwise the refusal lists the
 * articles).
 */
final class ImageLibrary extends VerticalLayout {
    /** How many images one search shows: a search narrows a larger library. */
    static final int SHOWN = 200;

    private static final Pattern KEY = Pattern.compile("jcr:[0-9a-f-]{36}");

    private final AdminContext admin;
    private final TextField search = new TextField();
    private final Grid<ImageAssets.Listed> grid = new Grid<>();
    private final Span empty = new Span();

    ImageLibrary(AdminContext admin) {
        this.admin = admin;
        setPadding(false);
        setSizeFull();
        search.setId("image-search");
        search.setWidth("min(28rem, 100%)");
        search.setPlaceholder(admin.text("news.admin.images.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        grid.setId("images");
        // 96x64 on a wide screen, 60x40 on a phone (the name needs the room there).
        grid.addColumn(LitRenderer.<ImageAssets.Listed>of("<img src=\"${item.src}\" alt=\"\" loading=\"lazy\""
                                + " style=\"display: block; width: ${item.w}px; height: ${item.h}px; object-fit: cover;"
                                + " border-radius: 4px\">")
                        .withProperty("src", ImageLibrary::thumbnail)
                        .withProperty("w", i -> narrow ? 60 : 96)
                        .withProperty("h", i -> narrow ? 40 : 64))
                .setHeader(admin.text("news.admin.images.picture"))
                .setKey("picture")
                .setWidth("8rem")
                .setFlexGrow(0);
        // The whole name, wrapped where it must (a phone shows it on two or three lines).
        grid.addColumn(LitRenderer.<ImageAssets.Listed>of(
                                "<span class=\"image-file-name\" style=\"white-space: normal; overflow-wrap: anywhere\">"
                                        + "${item.name}</span>")
                        .withProperty("name", ImageAssets.Listed::fileName))
                .setHeader(admin.text("news.admin.images.name"))
                .setKey("name")
                .setFlexGrow(1);
        grid.addColumn(i -> i.uploaded() == null
                        ? ""
                        : ArticleRow.POSTED.format(i.uploaded().atZone(admin.zone())))
                .setHeader(admin.text("news.admin.images.uploaded"))
                .setKey("uploaded")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::actions)
                .setHeader(admin.text("news.admin.actions"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setHeight("min(32rem, 70vh)");

        empty.setId("images-empty");
        empty.setText(admin.text("news.admin.images.empty"));
        add(search, empty, grid);
        refresh();
    }

    void refresh() {
        try {
            List<ImageAssets.Listed> found = admin.images().list(search.getValue(), SHOWN);
            grid.setItems(found);
            empty.setVisible(found.isEmpty());
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }

    /** Buttons on a wide screen; on a phone one "⋯" menu, so the file name keeps the room. */
    private com.vaadin.flow.component.Component actions(ImageAssets.Listed image) {
        return new RowActions()
                .button(admin.text("news.admin.images.details"), "image-details", () -> editDetails(image))
                .button(admin.text("news.admin.images.whereUsed"), "where-used", () -> showUse(image))
                .dangerButton(admin.text("news.admin.delete"), "delete-image", () -> confirmDelete(image))
                .of(narrow, admin.text("news.admin.moreActions"));
    }

    private boolean narrow;

    private void fitTo(int width) {
        boolean nowNarrow = width < PhoneWidth.NARROW;
        if (nowNarrow == narrow) {
            return;
        }
        narrow = nowNarrow;
        grid.getColumnByKey("uploaded").setVisible(!narrow);
        grid.getColumnByKey("picture").setWidth(narrow ? "5rem" : "8rem");
        grid.getDataProvider().refreshAll();
        grid.recalculateColumnWidths();
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        PhoneWidth.follow(event, this::fitTo);
    }

    /**
     * Alt text, caption, credit and the focal point of one image. The point is chosen by clicking the
     * picture (a marker shows it); saving checks every value and says what is wrong on its field.
     */
    private void editDetails(ImageAssets.Listed image) {
        ImageAssets.Details current = image.details();
        Dialog dialog = new Dialog();
        dialog.setId("image-details");
        dialog.setHeaderTitle(image.fileName());
        dialog.setWidth("min(40rem, 95vw)");
        TextField alt = detailField("image-alt", "news.article.imageAlt.label", current.alt(), ImageAssets.MAX_ALT);
        TextField caption = detailField(
                "image-caption", "news.article.imageCaption.label", current.caption(), ImageAssets.MAX_CAPTION);
        TextField credit =
                detailField("image-credit", "news.article.imageCredit.label", current.credit(), ImageAssets.MAX_CREDIT);
        FocusPicker focus = new FocusPicker(preview(image), current.focusX(), current.focusY());
        Paragraph hint = new Paragraph(admin.text("news.admin.images.focusHint"));
        hint.addClassName("image-focus-hint");
        dialog.add(new VerticalLayout(focus, hint, alt, caption, credit));
        Button cancel = new Button(admin.text("news.admin.cancel"), e -> dialog.close());
        Button save = new Button(admin.text("news.admin.save"), e -> {
            ImageAssets.Details changed = new ImageAssets.Details(
                    alt.getValue(), caption.getValue(), credit.getValue(), focus.x(), focus.y());
            try {
                if (admin.images().describe(image.key(), changed, AdminContext.user())) {
                    Notices.show(admin.text("news.admin.images.detailsSaved", image.fileName()));
                }
                dialog.close();
                refresh();
            } catch (ImageAssets.RefusedException refused) {
                TextField field = switch (refused.messageKey()) {
                    case "news.admin.images.captionTooLong" -> caption;
                    case "news.admin.images.creditTooLong" -> credit;
                    default -> alt;
                };
                field.setInvalid(true);
                field.setErrorMessage(admin.text(refused.messageKey()));
            } catch (RepositoryException ex) {
                Notices.show(admin.text("news.admin.error.repository"));
            }
        });
        save.setId("image-details-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private TextField detailField(String id, String labelKey, String value, int max) {
        TextField field = new TextField(admin.text(labelKey));
        field.setId(id);
        field.setValue(value);
        field.setWidthFull();
        // The limit is checked on save with a message, not cut silently by the browser.
        field.setHelperText(admin.text("news.admin.images.atMost", max));
        return field;
    }

    private static String preview(ImageAssets.Listed image) {
        return io.newsroom.news.templating.UriPaths.encode(
                ImageAssets.DAM_PATH + "/" + image.key() + "/" + image.fileName());
    }

    /** The articles (the trash too) whose image {@code key} is. */
    private List<Article> usedBy(String key) throws RepositoryException {
        if (!KEY.matcher(key).matches()) {
            return List.of();
        }
        return admin.articles().findAllById(admin.articles().idsWhere("@image = '" + key + "'"));
    }

    private void showUse(ImageAssets.Listed image) {
        try {
            List<Article> articles = usedBy(image.key());
            Dialog dialog = new Dialog();
            dialog.setId("image-use");
            dialog.setHeaderTitle(image.fileName());
            dialog.add(articles.isEmpty() ? new Paragraph(admin.text("news.admin.images.unused")) : list(articles));
            Button close = new Button(admin.text("news.admin.close"), e -> dialog.close());
            close.setId("image-use-close");
            dialog.getFooter().add(close);
            dialog.open();
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }

    private UnorderedList list(List<Article> articles) {
        UnorderedList list = new UnorderedList();
        articles.forEach(a -> list.add(new ListItem(new Anchor("article?id=" + a.id(), a.title()))));
        return list;
    }

    /** Deleting: refused while an article uses the image (the refusal lists them), otherwise confirmed first. */
    private void confirmDelete(ImageAssets.Listed image) {
        try {
            List<Article> articles = usedBy(image.key());
            Dialog dialog = new Dialog();
            dialog.setId("confirm-delete-image");
            dialog.setHeaderTitle(image.fileName());
            if (!articles.isEmpty()) {
                dialog.add(new Paragraph(admin.text("news.admin.images.inUse", articles.size())), list(articles));
                Button close = new Button(admin.text("news.admin.close"), e -> dialog.close());
                close.setId("image-in-use-close");
                dialog.getFooter().add(close);
                dialog.open();
                return;
            }
            dialog.add(new Paragraph(admin.text("news.admin.images.deleteText")));
            Button cancel = new Button(admin.text("news.admin.cancel"), e -> dialog.close());
            Button delete = new Button(admin.text("news.admin.delete"), e -> {
                dialog.close();
                delete(image);
            });
            delete.setId("confirm-delete-image-button");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
            dialog.getFooter().add(cancel, delete);
            dialog.open();
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }

    private void delete(ImageAssets.Listed image) {
        try {
            // Checked again at the moment of deleting: an editor may have chosen it meanwhile.
            int users = usedBy(image.key()).size();
            if (users > 0) {
                Notices.show(admin.text("news.admin.images.inUse", users));
            } else if (admin.images().delete(image.key())) {
                Notices.show(admin.text("news.admin.images.deleted", image.fileName()));
            }
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
        refresh();
    }

    static String thumbnail(ImageAssets.Listed image) {
        return io.newsroom.news.templating.UriPaths.encode(ImageRenditions.PATH + "/" + ImageRenditions.THEME
                + "/thumbnail/dam/" + image.key() + "/" + image.fileName());
    }
}
