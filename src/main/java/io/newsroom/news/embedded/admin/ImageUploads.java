package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.FileBuffer;
import io.newsroom.news.assets.ImageAssets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.jcr.RepositoryException;

/**
 * The image upload of the editor and of the Images screen: JPEG, PNG or WebP up to the upload limit,
 * its progress shown, received into a temporary file (not the heap) that is removed once the image is
 * stored or refused; a refusal is named by its message key.
 */
final class ImageUploads {
    /** Stores the received bytes under a file name; the asset key. */
    @FunctionalInterface
    interface Store {
        String store(byte[] data, String fileName) throws ImageAssets.RefusedException, RepositoryException;
    }

    private ImageUploads() {}

    /** The largest upload, in MB, as messages name it. */
    static long maxMb(AdminContext admin) {
        return admin.images().maxBytes() / (1024 * 1024);
    }

    /** @param stored told the asset key and file name of each image stored */
    static Upload create(
            AdminContext admin,
            String id,
            Store store,
            java.util.function.BiConsumer<String, String> stored,
            Consumer<String> refusedKey) {
        FileBuffer buffer = new FileBuffer();
        Upload upload = new Upload(buffer);
        upload.setId(id);
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "image/webp", ".jpg", ".jpeg", ".png", ".webp");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, admin.images().maxBytes()));
        upload.setMaxFiles(1);
        upload.setI18n(ComponentTexts.upload(admin, maxMb(admin)));
        upload.addSucceededListener(event -> {
            Path received = buffer.getFileData().getFile().toPath();
            try {
                stored.accept(store.store(Files.readAllBytes(received), event.getFileName()), event.getFileName());
            } catch (ImageAssets.RefusedException e) {
                refusedKey.accept(e.messageKey());
            } catch (IOException | RepositoryException e) {
                refusedKey.accept("news.admin.error.repository");
            } finally {
                deleteQuietly(received);
            }
            upload.clearFileList();
        });
        upload.addFailedListener(event -> {
            if (buffer.getFileData() != null) {
                deleteQuietly(buffer.getFileData().getFile().toPath());
            }
        });
        // Which check refused it, by the very text this upload was given for each (not by a word in it,
        // which differs per language).
        upload.addFileRejectedListener(event -> refusedKey.accept(
                event.getErrorMessage().equals(upload.getI18n().getError().getFileIsTooBig())
                        ? "news.admin.image.tooLarge"
                        : event.getErrorMessage()
                                        .equals(upload.getI18n().getError().getIncorrectFileType())
                                ? "news.admin.image.type"
                                : "news.admin.image.refused"));
        return upload;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file: the system's cleaning of its temporary folder takes it otherwise.
        }
    }
}
