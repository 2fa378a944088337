package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import io.newsroom.news.article.AuditTrail;
import io.newsroom.news.embedded.admin.accounts.AdminAccounts;

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
        form.setI18n(i18n(0));
        form.addLoginListener(event -> signIn(event.getUsername(), event.getPassword()));
        add(form);
    }

    private void setJustifyContentModeCenter() {
        setJustifyContentMode(JustifyContentMode.CENTER);
    }

    private void signIn(String user, String password) {
        AdminAccounts.Outcome outcome = admin.accounts().signIn(user, password, clientAddress());
        switch (outcome.result()) {
            case SIGNED_IN -> {
                // A new session id after sign-in: nothing set before it can be used to ride along.
                VaadinService.reinitializeSession(VaadinRequest.getCurrent());
                VaadinSession.getCurrent().setAttribute(AdminContext.USER, user.strip());
                // For the filter that ends the sessions of an account disabled meanwhile.
                VaadinSession.getCurrent().getSession().setAttribute(DisabledAccounts.ACCOUNT, user.strip());
                if (VaadinService.getCurrentResponse() instanceof VaadinServletResponse response) {
                    EditorCookie.set(response.getHttpServletResponse());
                }
                VaadinSession.getCurrent().getSession().setMaxInactiveInterval(SESSION_MINUTES * 60);
                admin.audit().record(user.strip(), AuditTrail.Action.SIGN_IN, null, null, clientAddress());
                ((AnonymousSessions) VaadinServlet.getCurrent()
                                .getServletContext()
                                .getAttribute(AnonymousSessions.class.getName()))
                        .signedIn(VaadinSession.getCurrent().getSession().getId());
                // A new page load, not an in-app navigation: the screens are built in a request that already
                // runs as the signed-in account (and its role), which this sign-in request does not.
                getUI().ifPresent(ui -> ui.getPage().setLocation("./"));
            }
            case WRONG -> {
                failed(user, "wrong password");
                form.setI18n(i18n(0));
                form.setError(true);
            }
            case TOO_LONG -> {
                failed(user, "password over 72 bytes");
                LoginI18n texts = i18n(0);
                texts.getErrorMessage().setTitle(admin.text("news.admin.login.tooLong.title"));
                texts.getErrorMessage()
                        .setMessage(admin.text("news.admin.login.tooLong.text", AdminAccounts.MAX_PASSWORD_BYTES));
                form.setI18n(texts);
                form.setError(true);
            }
            case DISABLED -> {
                failed(user, "account disabled");
                LoginI18n texts = i18n(0);
                texts.getErrorMessage().setTitle(admin.text("news.admin.login.disabled.title"));
                texts.getErrorMessage().setMessage(admin.text("news.admin.login.disabled.text"));
                form.setI18n(texts);
                form.setError(true);
            }
            case THROTTLED -> {
                form.setI18n(i18n(Math.max(
                        1,
                        outcome.retryAfter().toSeconds() + (outcome.retryAfter().toMillisPart() > 0 ? 1 : 0))));
                form.setError(true);
            }
        }
    }

    /**
     * A refused sign-in in the audit trail, with the name as typed (cut to 100 characters) and the
     * address; the throttled ones are not written: the throttle already bounds them, the trail would not.
     */
    private void failed(String user, String why) {
        String name = user == null ? "" : user.strip();
        admin.audit()
                .record(
                        name.length() > 100 ? name.substring(0, 100) : name,
                        AuditTrail.Action.SIGN_IN_FAILED,
                        null,
                        null,
                        why + ", " + clientAddress());
    }

    /** Who is signing in: the connection's peer, or behind a trusted proxy the client it forwards for. */
    private String clientAddress() {
        return admin.clientAddress();
    }

    /** The form's texts; {@code waitSeconds} above 0 says how long to wait before the next attempt. */
    private LoginI18n i18n(long waitSeconds) {
        boolean throttled = waitSeconds > 0;
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(admin.text("news.admin.login.title"));
        i18n.getForm().setUsername(admin.text("news.admin.login.user"));
        i18n.getForm().setPassword(admin.text("news.admin.login.password"));
        i18n.getForm().setSubmit(admin.text("news.admin.login.submit"));
        i18n.getErrorMessage()
                .setTitle(admin.text(throttled ? "news.admin.login.throttled.title" : "news.admin.login.wrong.title"));
        i18n.getErrorMessage()
                .setMessage(
                        throttled
                                ? admin.text("news.admin.login.throttled.text", waitSeconds)
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
