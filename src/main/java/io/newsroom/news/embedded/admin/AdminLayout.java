package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import io.newsroom.news.article.Actor;
import io.newsroom.news.article.Role;
import io.newsroom.news.definitions.Messages;
import java.util.Locale;

/**
 * The frame of every admin page: title, navigation, the language switch and sign-out. Nobody gets
 * past it without signing in.
 */
public class AdminLayout extends AppLayout implements BeforeEnterObserver {
    private final AdminContext admin = AdminContext.current();

    public AdminLayout() {
        H1 title = new H1(admin.text("news.admin.title"));
        title.getStyle().set("font-size", "1.2rem").set("margin", "0 1rem");
        RouterLink articles = new RouterLink(admin.text("news.admin.nav.articles"), ArticlesView.class);
        articles.setId("nav-articles");
        RouterLink dashboard = new RouterLink(admin.text("news.admin.nav.dashboard"), DashboardView.class);
        dashboard.setId("nav-dashboard");
        RouterLink review = new RouterLink(reviewLabel(), ReviewView.class);
        review.setId("nav-review");
        RouterLink categories = new RouterLink(admin.text("news.admin.nav.categories"), CategoriesView.class);
        categories.setId("nav-categories");
        RouterLink pages = new RouterLink(admin.text("news.admin.nav.pages"), PagesView.class);
        pages.setId("nav-pages");
        RouterLink images = new RouterLink(admin.text("news.admin.nav.images"), ImagesView.class);
        images.setId("nav-images");
        RouterLink auditTrail = new RouterLink(admin.text("news.admin.nav.audit"), AuditView.class);
        auditTrail.setId("nav-audit");
        RouterLink users = new RouterLink(admin.text("news.admin.nav.users"), UsersView.class);
        users.setId("nav-users");
        Anchor site = new Anchor("/", admin.text("news.admin.nav.site"));
        site.setTarget("_blank");

        Select<Locale> language = new Select<>();
        language.setId("language");
        language.setItems(Messages.LANGUAGES);
        language.setItemLabelGenerator(l -> l.equals(Messages.VIETNAMESE) ? "Tiếng Việt" : "English");
        language.setValue(AdminContext.currentLocale());
        language.setAriaLabel(admin.text("news.admin.language"));
        language.addValueChangeListener(event -> {
            VaadinSession.getCurrent().setAttribute(AdminContext.LOCALE, event.getValue());
            getUI().ifPresent(ui -> ui.getPage().reload());
        });

        Span user = new Span(AdminContext.user() == null ? "" : AdminContext.user());
        user.setId("signed-in-user");
        Button signOut = new Button(admin.text("news.admin.signOut"), event -> signOut());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button password =
                new Button(admin.text("news.admin.password.change"), event -> new PasswordDialog(admin).open());
        password.setId("change-password");
        password.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        // Only the screens the role opens are offered.
        review.setVisible(mayOpen(ReviewView.class));
        categories.setVisible(mayOpen(CategoriesView.class));
        pages.setVisible(mayOpen(PagesView.class));
        images.setVisible(mayOpen(ImagesView.class));
        auditTrail.setVisible(mayOpen(AuditView.class));
        users.setVisible(mayOpen(UsersView.class));
        HorizontalLayout bar = new HorizontalLayout(
                title,
                articles,
                dashboard,
                review,
                categories,
                pages,
                images,
                auditTrail,
                users,
                site,
                language,
                user,
                password,
                signOut);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        // On a phone the header takes two lines instead of running off the screen.
        bar.setWrap(true);
        bar.getStyle().set("row-gap", "0");
        bar.getStyle().set("padding", "0 1rem");
        bar.expand(site);
        addToNavbar(bar);
    }

    /** "Review (2)" for an editor, with the articles waiting; "My submissions" for a reporter. */
    private String reviewLabel() {
        if (!Actor.may(Role.Permission.PUBLISH)) {
            // A reporter sees at once how many of their articles came back.
            try {
                long returned = admin.reviews().submittedBy(AdminContext.user(), ReviewView.MINE_SHOWN).stream()
                        .filter(item -> item.review().status() == io.newsroom.news.article.Review.Status.RETURNED)
                        .count();
                return returned == 0
                        ? admin.text("news.admin.nav.submissions")
                        : admin.text("news.admin.nav.submissionsReturned", returned);
            } catch (javax.jcr.RepositoryException e) {
                return admin.text("news.admin.nav.submissions");
            }
        }
        try {
            int waiting = admin.reviews().queue().size();
            return waiting == 0
                    ? admin.text("news.admin.nav.review")
                    : admin.text("news.admin.nav.reviewWaiting", waiting);
        } catch (javax.jcr.RepositoryException e) {
            return admin.text("news.admin.nav.review");
        }
    }

    private void signOut() {
        getUI().ifPresent(ui -> {
            if (VaadinService.getCurrentResponse() instanceof VaadinServletResponse response) {
                EditorCookie.clear(response.getHttpServletResponse());
            }
            VaadinSession.getCurrent().getSession().invalidate();
            ui.getPage().setLocation("login");
        });
    }

    /** The screens a role opens: pages for site builders, images for editors, users and the trail for administrators. */
    static boolean mayOpen(Class<?> screen) {
        if (screen == ReviewView.class) {
            return Actor.may(Role.Permission.WRITE_DRAFTS);
        }
        if (screen == CategoriesView.class) {
            return Actor.may(Role.Permission.PUBLISH);
        }
        if (screen == PagesView.class) {
            return Actor.may(Role.Permission.PAGES);
        }
        if (screen == ImagesView.class) {
            return Actor.may(Role.Permission.IMAGES);
        }
        if (screen == UsersView.class) {
            return Actor.may(Role.Permission.USERS);
        }
        if (screen == AuditView.class) {
            return Actor.may(Role.Permission.AUDIT);
        }
        return true;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (AdminContext.user() == null) {
            event.forwardTo(LoginView.class);
        } else if (!mayOpen(event.getNavigationTarget())) {
            // The server refuses what the role does not allow; a link typed by hand lands on the articles.
            Notices.show(admin.text("news.admin.notAllowed"));
            event.forwardTo(ArticlesView.class);
        } else if (admin.accounts().mustChangePassword(AdminContext.user())) {
            // A temporary password (a new account, a reset): nothing else until the editor chose their own.
            new PasswordDialog(admin, true).open();
        }
    }
}
