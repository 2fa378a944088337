package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * "Are you sure?" before an action that cannot simply be taken back: a title, a sentence, Cancel and the
 * action's own button (red). The dialog has {@code id}, its button {@code id-button}.
 */
final class Confirmation {
    private Confirmation() {}

    static void open(AdminContext admin, String id, String title, String text, String actionLabel, Runnable action) {
        Dialog dialog = new Dialog();
        dialog.setId(id);
        dialog.setHeaderTitle(title);
        dialog.add(new Paragraph(text));
        Button cancel = new Button(admin.text("news.admin.cancel"), e -> dialog.close());
        Button go = new Button(actionLabel, e -> {
            dialog.close();
            action.run();
        });
        go.setId(id + "-button");
        go.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, go);
        dialog.open();
    }
}
