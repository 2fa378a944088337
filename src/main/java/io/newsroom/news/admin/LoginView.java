package io.newsroom.news.admin;

import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;

/** Sign-in for editors, in the editor's language; nothing else of the app is reachable before it. */
public class LoginView extends VerticalLayout implements BeforeEnterObserver {
    static final int SESSION_MINUTES = 30;
    private final LoginForm form = new LoginForm();
    private final AdminContext admin = AdminContext.current();

    public LoginView() {
        addClassName("news-admin-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentModeCenter();
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n(false));
        form.addLoginListener(event -> signIn(event.getUsername(), event.getPassword()));
        add(form);
    }

    private void setJustifyContentModeCenter() {
        setJustifyContentMode(JustifyContentMode.CENTER);
    }

    private void signIn(String user, String password) {
        switch (admin.accounts().signIn(user, password)) {
            case SIGNED_IN -> {
                // A new session id after sign-in: nothing set before it can be used to ride along.
                VaadinService.reinitializeSession(VaadinRequest.getCurrent());
                VaadinSession.getCurrent().setAttribute(AdminContext.USER, user.strip());
                VaadinSession.getCurrent().getSession().setMaxInactiveInterval(SESSION_MINUTES * 60);
                getUI().ifPresent(ui -> ui.navigate(""));
            }
            case WRONG -> {
                form.setI18n(i18n(false));
                form.setError(true);
            }
            case LOCKED -> {
                form.setI18n(i18n(true));
                form.setError(true);
            }
        }
    }

    private LoginI18n i18n(boolean locked) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(admin.text("news.admin.login.title"));
        i18n.getForm().setUsername(admin.text("news.admin.login.user"));
        i18n.getForm().setPassword(admin.text("news.admin.login.password"));
        i18n.getForm().setSubmit(admin.text("news.admin.login.submit"));
        i18n.getErrorMessage().setTitle(admin.text(locked ? "news.admin.login.locked.title" : "news.admin.login.wrong.title"));
        i18n.getErrorMessage().setMessage(locked
                ? admin.text("news.admin.login.locked.text", AdminAccounts.LOCK.toMinutes())
                : admin.text("news.admin.login.wrong.text"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (AdminContext.user() != null) {
            event.forwardTo("");
        }
    }
}
