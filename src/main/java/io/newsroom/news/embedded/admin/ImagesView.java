package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;

/**
 * The Images screen: every stored image as a thumbnail, searched by file name, each with the articles
 * that use it; upload into the library; delete one nothing uses (confirmed).
 */
public class ImagesView extends VerticalLayout {
    private final AdminContext admin = AdminContext.current();

    public ImagesView() {
        setSizeFull();
        ImageLibrary library = new ImageLibrary(admin);
        Upload upload = ImageUploads.create(
                admin,
                "library-upload",
                admin.images()::storeInLibrary,
                (key, fileName) -> {
                    Notices.show(admin.text("news.admin.images.uploadedNotice", fileName));
                    library.refresh();
                },
                refused -> Notices.show(admin.text(refused, ImageUploads.maxMb(admin))));
        add(new H2(admin.text("news.admin.nav.images")), upload, library);
        // The upload keeps its height; the library takes the rest of the screen.
        setFlexShrink(0, upload);
        expand(library);
    }
}
