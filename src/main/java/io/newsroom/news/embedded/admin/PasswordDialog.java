package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import io.newsroom.news.article.AuditTrail;
import io.newsroom.news.embedded.admin.accounts.AdminAccounts;
import java.io.IOException;
import java.util.Optional;

/**
 * "Change password" for the signed-in editor: the current password, the new one twice. Each refusal
 * is said on its field in the editor's language (wrong current password, too short, over bcrypt's 72
 * bytes, the same as before, the user name, the two new ones differ) and changes nothing.
 */
final class PasswordDialog extends Dialog {
    private final AdminContext admin;
    private final PasswordField current = new PasswordField();
    private final PasswordField next = new PasswordField();
    private final PasswordField repeat = new PasswordField();

    PasswordDialog(AdminContext admin) {
        this(admin, false);
    }

    /**
     * {@code forced}: after signing in with a temporary password; the dialog cannot be closed and, being
     * modal, Vaadin refuses every other action on the server until the password is changed.
     */
    PasswordDialog(AdminContext admin, boolean forced) {
        this.admin = admin;
        setId("password-dialog");
        setHeaderTitle(admin.text(forced ? "news.admin.password.chooseOwn" : "news.admin.password.change"));
        setModal(true);
        setCloseOnEsc(!forced);
        setCloseOnOutsideClick(!forced);
        if (forced) {
            add(new com.vaadin.flow.component.html.Paragraph(admin.text("news.admin.password.temporary")));
        }
        current.setId("password-current");
        current.setLabel(admin.text("news.admin.password.current"));
        next.setId("password-new");
        next.setLabel(admin.text("news.admin.password.new"));
        next.setHelperText(admin.text("news.admin.password.rules", AdminAccounts.MIN_PASSWORD_LENGTH));
        repeat.setId("password-repeat");
        repeat.setLabel(admin.text("news.admin.password.repeat"));
        FormLayout form = new FormLayout(current, next, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button save = new Button(admin.text("news.admin.password.save"), e -> save());
        save.setId("password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (!forced) {
            getFooter().add(new Button(admin.text("news.admin.cancel"), e -> close()));
        }
        getFooter().add(save);
    }

    private void save() {
        for (PasswordField field : new PasswordField[] {current, next, repeat}) {
            field.setInvalid(false);
        }
        if (!next.getValue().equals(repeat.getValue())) {
            refuse(repeat, "news.admin.password.mismatch");
            return;
        }
        String user = AdminContext.user();
        Optional<String> refused;
        try {
            refused = admin.accounts().changePassword(user, current.getValue(), next.getValue(), admin.clientAddress());
        } catch (IOException e) {
            Notices.show(admin.text("news.admin.error.repository"));
            return;
        }
        if (refused.isPresent()) {
            String key = refused.get();
            refuse(
                    key.equals("news.admin.password.currentWrong") || key.equals("news.admin.password.throttled")
                            ? current
                            : next,
                    key);
            return;
        }
        admin.audit().record(user, AuditTrail.Action.PASSWORD_CHANGED, null, null, null);
        close();
        Notices.show(admin.text("news.admin.password.changed"));
    }

    private void refuse(PasswordField field, String key) {
        field.setInvalid(true);
        field.setErrorMessage(
                key.equals("news.admin.password.tooShort")
                        ? admin.text(key, AdminAccounts.MIN_PASSWORD_LENGTH)
                        : key.equals("news.admin.password.tooLong")
                                ? admin.text(key, AdminAccounts.MAX_PASSWORD_BYTES)
                                : admin.text(key));
    }
}
