package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.newsroom.news.article.AuditTrail;
import io.newsroom.news.article.Role;
import io.newsroom.news.embedded.admin.accounts.AdminAccounts;
import java.io.IOException;

/**
 * The admin app's accounts: add one (a temporary password is shown once, to be changed at the first
 * sign-in), reset a password the same way, disable an account (its open sessions end at their next
 * request) or enable it again. One's own account and the last enabled one cannot be disabled. Every
 * change goes to the audit trail.
 */
public class UsersView extends VerticalLayout {
    private final AdminContext admin = AdminContext.current();
    private final Grid<AdminAccounts.Account> grid = new Grid<>();
    private final TextField name = new TextField();
    private final com.vaadin.flow.component.textfield.EmailField email =
            new com.vaadin.flow.component.textfield.EmailField();
    private final com.vaadin.flow.component.select.Select<Role> role = new com.vaadin.flow.component.select.Select<>();

    public UsersView() {
        setSizeFull();
        name.setId("new-user");
        name.setLabel(admin.text("news.admin.users.name"));
        name.setHelperText(admin.text("news.admin.users.nameRules"));
        name.setWidth("min(24rem, 100%)");
        email.setId("new-user-email");
        email.setLabel(admin.text("news.admin.users.email"));
        email.setRequiredIndicatorVisible(true);
        email.setWidth("min(24rem, 100%)");
        role.setId("new-user-role");
        role.setLabel(admin.text("news.admin.users.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> admin.text(r.messageKey()));
        role.setValue(Role.REPORTER);
        Button add = new Button(admin.text("news.admin.users.add"), e -> add());
        add.setId("add-user");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout adding = new HorizontalLayout(name, email, role, add);
        adding.setAlignItems(FlexComponent.Alignment.BASELINE);
        adding.setWrap(true);
        grid.setId("users");
        grid.addColumn(AdminAccounts.Account::name)
                .setHeader(admin.text("news.admin.users.name"))
                .setKey("name")
                .setFlexGrow(1);
        grid.addColumn(account -> account.email() == null ? "" : account.email())
                .setHeader(admin.text("news.admin.users.email"))
                .setKey("email")
                .setFlexGrow(1);
        grid.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<AdminAccounts.Account>of(
                                "<span style=\"white-space: normal\">${item.state}</span>")
                        .withProperty(
                                "state",
                                a -> admin.text(
                                        a.disabled()
                                                ? "news.admin.users.disabled"
                                                : a.mustChangePassword()
                                                        ? "news.admin.users.temporary"
                                                        : "news.admin.users.active")))
                .setHeader(admin.text("news.admin.users.state"))
                .setFlexGrow(1);
        grid.addComponentColumn(this::roleChoice)
                .setHeader(admin.text("news.admin.users.role"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::actions)
                .setHeader(admin.text("news.admin.actions"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        add(new H2(admin.text("news.admin.nav.users")), adding, grid);
        expand(grid);
        refresh();
    }

    private com.vaadin.flow.component.Component actions(AdminAccounts.Account account) {
        RowActions row = new RowActions()
                .button(admin.text("news.admin.users.reset"), "reset-password", () -> confirmReset(account));
        if (account.disabled()) {
            row.button(admin.text("news.admin.users.enable"), "enable-user", () -> setDisabled(account, false));
        } else if (!account.name().equals(AdminContext.user())) {
            // One's own account is not offered: disabling it is refused anyway (nobody would be signed in to undo it).
            row.dangerButton(admin.text("news.admin.users.disable"), "disable-user", () -> confirmDisable(account));
        }
        return row.of(narrow, admin.text("news.admin.moreActions"));
    }

    private boolean narrow;

    private void fitTo(int width) {
        boolean nowNarrow = width < PhoneWidth.NARROW;
        if (nowNarrow != narrow) {
            narrow = nowNarrow;
            grid.getColumnByKey("email").setVisible(!narrow);
            grid.getDataProvider().refreshAll();
            grid.recalculateColumnWidths();
        }
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        PhoneWidth.follow(event, this::fitTo);
    }

    /** The account's role, changed on the spot (never leaving the site without an administrator). */
    private com.vaadin.flow.component.Component roleChoice(AdminAccounts.Account account) {
        com.vaadin.flow.component.select.Select<Role> choice = new com.vaadin.flow.component.select.Select<>();
        choice.addClassName("user-role");
        choice.setItems(Role.values());
        choice.setItemLabelGenerator(r -> admin.text(r.messageKey()));
        choice.setValue(account.role());
        choice.setAriaLabel(admin.text("news.admin.users.role"));
        choice.addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null || e.getValue() == e.getOldValue()) {
                return;
            }
            try {
                admin.accounts().setRole(account.name(), e.getValue());
                admin.audit()
                        .record(
                                AdminContext.user(),
                                AuditTrail.Action.ROLE_CHANGED,
                                null,
                                account.name(),
                                e.getOldValue() + " -> " + e.getValue());
                Notices.show(admin.text(
                        "news.admin.users.roleChanged",
                        account.name(),
                        admin.text(e.getValue().messageKey())));
            } catch (AdminAccounts.Refused refused) {
                Notices.show(admin.text(refused.messageKey()));
            } catch (IOException ex) {
                Notices.show(admin.text("news.admin.error.repository"));
            }
            refresh();
        });
        return choice;
    }

    private void add() {
        try {
            String password = admin.accounts().addAccount(name.getValue(), email.getValue(), role.getValue());
            String added = name.getValue().strip();
            admin.audit()
                    .record(
                            AdminContext.user(),
                            AuditTrail.Action.USER_ADDED,
                            null,
                            added,
                            email.getValue().strip());
            name.clear();
            email.clear();
            name.setInvalid(false);
            email.setInvalid(false);
            refresh();
            showPassword(added, password);
        } catch (AdminAccounts.Refused refused) {
            // Said on the field it is about.
            boolean aboutEmail = refused.messageKey().equals("news.admin.users.badEmail");
            com.vaadin.flow.component.textfield.TextFieldBase<?, String> field = aboutEmail ? email : name;
            (aboutEmail ? name : email).setInvalid(false);
            field.setInvalid(true);
            field.setErrorMessage(admin.text(refused.messageKey()));
        } catch (IOException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }

    private void confirmReset(AdminAccounts.Account account) {
        confirm(
                "confirm-reset",
                admin.text("news.admin.users.resetTitle", account.name()),
                admin.text("news.admin.users.resetText"),
                admin.text("news.admin.users.reset"),
                () -> {
                    try {
                        String password = admin.accounts().resetPassword(account.name());
                        admin.audit()
                                .record(
                                        AdminContext.user(),
                                        AuditTrail.Action.PASSWORD_RESET,
                                        null,
                                        account.name(),
                                        null);
                        refresh();
                        showPassword(account.name(), password);
                    } catch (AdminAccounts.Refused refused) {
                        Notices.show(admin.text(refused.messageKey()));
                    } catch (IOException e) {
                        Notices.show(admin.text("news.admin.error.repository"));
                    }
                });
    }

    private void confirmDisable(AdminAccounts.Account account) {
        confirm(
                "confirm-disable",
                admin.text("news.admin.users.disableTitle", account.name()),
                admin.text("news.admin.users.disableText"),
                admin.text("news.admin.users.disable"),
                () -> setDisabled(account, true));
    }

    private void setDisabled(AdminAccounts.Account account, boolean disabled) {
        try {
            admin.accounts().setDisabled(AdminContext.user(), account.name(), disabled);
            admin.audit()
                    .record(
                            AdminContext.user(),
                            disabled ? AuditTrail.Action.USER_DISABLED : AuditTrail.Action.USER_ENABLED,
                            null,
                            account.name(),
                            null);
            Notices.show(admin.text(
                    disabled ? "news.admin.users.disabledNotice" : "news.admin.users.enabledNotice", account.name()));
        } catch (AdminAccounts.Refused refused) {
            Notices.show(admin.text(refused.messageKey()));
        } catch (IOException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
        refresh();
    }

    /** The temporary password, shown once: the administrator hands it over; it is not stored in the clear. */
    private void showPassword(String account, String password) {
        Dialog dialog = new Dialog();
        dialog.setId("temporary-password");
        dialog.setHeaderTitle(admin.text("news.admin.users.passwordTitle", account));
        Span shown = new Span(password);
        shown.setId("temporary-password-value");
        shown.getStyle().set("font-family", "monospace").set("font-size", "1.3rem");
        dialog.add(new Paragraph(admin.text("news.admin.users.passwordText")), shown);
        Button close = new Button(admin.text("news.admin.close"), e -> dialog.close());
        close.setId("temporary-password-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    private void confirm(String id, String title, String text, String action, Runnable run) {
        Confirmation.open(admin, id, title, text, action, run);
    }

    private void refresh() {
        try {
            grid.setItems(admin.accounts().accounts());
        } catch (IOException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }
}
