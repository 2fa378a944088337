package io.newsroom.news.embedded.admin;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Registers the admin app's routes when Vaadin starts (listed in META-INF/services), so nothing
 * depends on scanning our classes, and sets each new UI's language from the editor's choice.
 */
public class AdminRoutes implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        RouteConfiguration routes = RouteConfiguration.forApplicationScope();
        routes.setRoute("login", LoginView.class);
        routes.setRoute("", ArticlesView.class, AdminLayout.class);
        routes.setRoute("article", ArticleEditorView.class, AdminLayout.class);
        routes.setRoute("dashboard", DashboardView.class, AdminLayout.class);
        routes.setRoute("pages", PagesView.class, AdminLayout.class);
        routes.setRoute("images", ImagesView.class, AdminLayout.class);
        routes.setRoute("audit", AuditView.class, AdminLayout.class);
        routes.setRoute("users", UsersView.class, AdminLayout.class);
        routes.setRoute("review", ReviewView.class, AdminLayout.class);
        routes.setRoute("categories", CategoriesView.class, AdminLayout.class);
        event.getSource().addUIInitListener(ui -> ui.getUI().setLocale(AdminContext.currentLocale()));
        // An action the role does not allow is refused where the change is made; the editor is told so.
        event.getSource()
                .addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
                    for (Throwable t = error.getThrowable(); t != null; t = t.getCause()) {
                        if (t instanceof io.newsroom.news.article.Actor.NotAllowedException) {
                            if (com.vaadin.flow.component.UI.getCurrent() != null) {
                                Notices.show(AdminContext.current().text("news.admin.notAllowed"));
                            }
                            return;
                        }
                    }
                    new com.vaadin.flow.server.DefaultErrorHandler().error(error);
                }));
    }
}
