package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.FileBuffer;
import io.newsroom.news.assets.ImageAssets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.jcr.RepositoryException;

/**
 * The Images screen: every stored image as a thumbnail, searched by file name, each with the articles
 * that use it; upload into the library; delete one nothing uses (confirmed).
 */
public class ImagesView extends VerticalLayout {
    private final AdminContext admin = AdminContext.current();

    public ImagesView() {
        setSizeFull();
        ImageLibrary library = new ImageLibrary(admin);
        FileBuffer buffer = new FileBuffer();
        Upload upload = new Upload(buffer);
        upload.setId("library-upload");
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "image/webp", ".jpg", ".jpeg", ".png", ".webp");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, admin.images().maxBytes()));
        upload.setI18n(ComponentTexts.upload(admin, admin.images().maxBytes() / (1024 * 1024)));
        upload.addSucceededListener(event -> {
            Path received = buffer.getFileData().getFile().toPath();
            try {
                admin.images().storeInLibrary(Files.readAllBytes(received), event.getFileName());
                Notices.show(admin.text("news.admin.images.uploadedNotice", event.getFileName()));
                library.refresh();
            } catch (ImageAssets.RefusedException e) {
                Notices.show(admin.text(e.messageKey(), admin.images().maxBytes() / (1024 * 1024)));
            } catch (IOException | RepositoryException e) {
                Notices.show(admin.text("news.admin.error.repository"));
            } finally {
                try {
                    Files.deleteIfExists(received);
                } catch (IOException e) {
                    // A temporary file: the system's cleaning of its temporary folder takes it otherwise.
                }
            }
            upload.clearFileList();
        });
        upload.addFileRejectedListener(event -> Notices.show(event.getErrorMessage()));
        add(new H2(admin.text("news.admin.nav.images")), upload, library);
        // The upload keeps its height; the library takes the rest of the screen.
        setFlexShrink(0, upload);
        expand(library);
    }
}
