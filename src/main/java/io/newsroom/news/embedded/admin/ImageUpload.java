package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.renderer.LitRenderer;
import io.newsroom.news.assets.ImageAssets;
import javax.jcr.RepositoryException;

/**
 * The article image: upload a JPEG, PNG or WebP up to the upload limit (25 MB unless set: a photo
 * straight from a phone or camera), with its progress shown while it arrives; it is received into a
 * temporary file (not the heap), cleaned and stored as a binary in the repository; the form's image
 * field gets its asset key and a preview shows it. Anything else is refused with a message, and the
 * image stays as it was.
 */
final class ImageUpload extends VerticalLayout {
    private final AdminContext admin;
    private final TextField key;
    private final Image preview = new Image();
    private final Span error = new Span();
    /** The image's file name under its thumbnail (the asset key itself is for machines, not shown). */
    private final Span name = new Span();

    /** Told the details of an image an editor just chose or uploaded (the form fills its empty fields). */
    private final java.util.function.Consumer<ImageAssets.Details> chosen;

    ImageUpload(AdminContext admin, TextField key, java.util.function.Consumer<ImageAssets.Details> chosen) {
        this.admin = admin;
        this.key = key;
        this.chosen = chosen;
        setPadding(false);
        setSpacing(false);
        Upload upload = ImageUploads.create(
                admin, "image-upload", admin.images()::store, (assetKey, fileName) -> accept(assetKey), this::refuse);
        error.setId("image-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        preview.setId("image-preview");
        preview.setMaxHeight("8rem");
        Button remove = new Button(admin.text("news.admin.image.remove"), e -> key.setValue(""));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        key.addValueChangeListener(e -> {
            // Another image, or none: an earlier refusal is about a file that is no longer the question.
            clearError();
            showPreview(e.getValue());
        });
        // The field keeps the asset key for the form; editors see the thumbnail and the file's name.
        // Hidden by style, not setVisible: the field stays in the page and keeps taking part in the form.
        key.getStyle().set("display", "none");
        name.setId("image-name");
        name.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        com.vaadin.flow.component.html.Div picture = new com.vaadin.flow.component.html.Div(preview, name);
        picture.getStyle().set("display", "flex").set("flex-direction", "column");
        Span label = new Span(admin.text("news.article.image.label"));
        label.getStyle()
                .set("font-size", "var(--lumo-font-size-s)")
                .set("font-weight", "500")
                .set("color", "var(--lumo-secondary-text-color)");
        // Or one already in the library, found by its file name as one types: the same image in several
        // articles, stored once.
        ComboBox<ImageAssets.Listed> choose = new ComboBox<>();
        choose.setId("choose-image");
        choose.setPlaceholder(admin.text("news.admin.images.choose"));
        choose.setItemLabelGenerator(ImageAssets.Listed::fileName);
        choose.setRenderer(LitRenderer.<ImageAssets.Listed>of(
                        "<div style=\"display: flex; gap: .5rem; align-items: center\"><img src=\"${item.src}\" alt=\"\""
                                + " style=\"width: 48px; height: 32px; object-fit: cover\"><span>${item.name}</span></div>")
                .withProperty("src", ImageLibrary::thumbnail)
                .withProperty("name", ImageAssets.Listed::fileName));
        choose.setItems(query -> {
            try {
                return admin.images().list(query.getFilter().orElse(""), query.getOffset() + query.getLimit()).stream()
                        .skip(query.getOffset());
            } catch (RepositoryException e) {
                return java.util.stream.Stream.empty();
            }
        });
        choose.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                accept(e.getValue().key());
                choose.clear();
            }
        });
        HorizontalLayout row = new HorizontalLayout(upload, choose, picture, remove);
        row.setAlignItems(Alignment.CENTER);
        row.setWrap(true);
        add(label, key, row, error);
        key.setWidthFull();
    }

    private void accept(String assetKey) {
        error.setText("");
        key.setValue(assetKey);
        try {
            admin.images().details(assetKey).ifPresent(chosen);
        } catch (RepositoryException e) {
            // the image is set; its details are a help, not a need
        }
    }

    void clearError() {
        error.setText("");
    }

    private void refuse(String messageKey) {
        error.setText(admin.text(messageKey, ImageUploads.maxMb(admin)));
    }

    private void showPreview(String assetKey) {
        boolean has = assetKey != null && !assetKey.isBlank();
        preview.setVisible(has);
        name.setVisible(has);
        if (has) {
            preview.setSrc(assetKey.startsWith("jcr:") ? "/dam/" + assetKey + "/preview" : assetKey);
            preview.setAlt(admin.text("news.article.image.label"));
            name.setText(fileName(assetKey));
        }
    }

    /** The name the file was uploaded with; an address given instead of an upload, as it is. */
    private String fileName(String assetKey) {
        if (!assetKey.startsWith("jcr:")) {
            return assetKey;
        }
        try {
            return admin.images().fileName(assetKey).orElse("");
        } catch (RepositoryException e) {
            return "";
        }
    }
}
