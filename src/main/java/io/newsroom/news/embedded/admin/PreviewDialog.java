package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.newsroom.news.definitions.Messages;
import io.newsroom.news.publishing.Previews;
import java.util.Locale;
import java.util.function.Function;

/**
 * Signed preview links of one article, one per language, opened in a new tab by the editor's own
 * click (a link, so no popup blocker stands in the way). Says until when they work.
 */
final class PreviewDialog {
    private PreviewDialog() {}

    static void open(AdminContext admin, String title, Function<Locale, Previews.Link> linkIn, boolean unsaved) {
        Dialog dialog = new Dialog();
        dialog.setId("preview-dialog");
        dialog.setHeaderTitle(admin.text("news.admin.preview.title", title == null ? "" : title));
        Previews.Link vi = linkIn.apply(Messages.VIETNAMESE);
        Previews.Link en = linkIn.apply(Locale.ENGLISH);
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.add(new Paragraph(admin.text(
                "news.admin.preview.text", ArticleRow.POSTED.format(vi.expires().atZone(admin.zone())))));
        if (unsaved) {
            content.add(new Paragraph(admin.text("news.admin.preview.unsaved")));
        }
        content.add(
                link("preview-link-vi", vi, admin.text("news.admin.preview.vi")),
                link("preview-link-en", en, admin.text("news.admin.preview.en")));
        dialog.add(content);
        Button close = new Button(admin.text("news.admin.close"), e -> dialog.close());
        close.setId("preview-dialog-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    private static Anchor link(String id, Previews.Link link, String text) {
        Anchor anchor = new Anchor(link.path(), text);
        anchor.setId(id);
        anchor.setTarget("_blank");
        // The signed address is not handed to the pages the preview links to.
        anchor.getElement().setAttribute("rel", "noopener noreferrer");
        return anchor;
    }
}
