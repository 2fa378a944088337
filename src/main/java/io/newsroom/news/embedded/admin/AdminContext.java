package io.newsroom.news.embedded.admin;

import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinSession;
import io.newsroom.news.NewsModule;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.AuditTrail;
import io.newsroom.news.assets.ImageAssets;
import io.newsroom.news.definitions.DialogDefinition;
import io.newsroom.news.definitions.Messages;
import io.newsroom.news.definitions.TemplateDefinitions;
import io.newsroom.news.embedded.admin.accounts.AdminAccounts;
import io.newsroom.news.pages.WebsitePages;
import io.newsroom.news.publishing.FeaturedRanks;
import io.newsroom.news.publishing.Previews;
import io.newsroom.news.publishing.Publishing;
import io.newsroom.news.views.ViewCounter;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the admin app's views work with. Vaadin creates views itself, so the server puts this in
 * the admin web context's attributes and views look it up; several servers in one JVM (tests) do
 * not see each other's.
 */
public record AdminContext(
        NewsModule module,
        AdminAccounts accounts,
        ZoneId zone,
        ImageAssets images,
        Previews previews,
        WebsitePages pages,
        TemplateDefinitions templates,
        Function<String, Optional<DialogDefinition>> dialogs,
        WorkingCopies workingCopies,
        AuditTrail audit,
        io.newsroom.news.categories.Categories categories,
        io.newsroom.news.pages.SiteMenu menu,
        io.newsroom.news.pages.SitePages sitePages,
        io.newsroom.news.pages.PageDrafts pageDrafts) {

    /**
     * The categories an article or a block may have: the managed list; on a site that manages none yet, the
     * ones articles have.
     */
    public java.util.List<String> categoryNames() throws javax.jcr.RepositoryException {
        java.util.List<String> managed = categories.list().stream()
                .map(io.newsroom.news.categories.Categories.Category::name)
                .toList();
        return managed.isEmpty() ? module.archive().categories() : managed;
    }

    /** The client of the current request: the connection's peer, or behind a trusted proxy the client it forwards for. */
    String clientAddress() {
        com.vaadin.flow.server.VaadinRequest request = com.vaadin.flow.server.VaadinRequest.getCurrent();
        return counter()
                .settings()
                .trustedProxies()
                .client(
                        request.getRemoteAddr(),
                        java.util.Collections.list(request.getHeaders("Forwarded")),
                        java.util.Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    public ArticleRepository articles() {
        return module.articles();
    }

    public Publishing publishing() {
        return module.publishing();
    }

    public io.newsroom.news.publishing.Reviews reviews() {
        return module.reviews();
    }

    public FeaturedRanks featuredRanks() {
        return module.featuredRanks();
    }

    public ViewCounter counter() {
        return module.viewCounter();
    }

    public Messages messages() {
        return module.messages();
    }

    static final String USER = "newsAdmin.user";
    static final String LOCALE = "newsAdmin.locale";
    static final String LIST = "newsAdmin.list";

    public static AdminContext current() {
        return (AdminContext) VaadinServlet.getCurrent().getServletContext().getAttribute(AdminContext.class.getName());
    }

    /** The signed-in editor of this browser session, or null. */
    static String user() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? null : (String) session.getAttribute(USER);
    }

    /** The article list as the editor left it (search, filters, sort, row), to come back to from the editor. */
    static ListState lastList() {
        VaadinSession session = VaadinSession.getCurrent();
        Object state = session == null ? null : session.getAttribute(LIST);
        return state instanceof ListState s ? s : ListState.DEFAULT;
    }

    static void rememberList(ListState state) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(LIST, state);
        }
    }

    /** The editor's language: what they chose, Vietnamese by default. */
    static Locale currentLocale() {
        VaadinSession session = VaadinSession.getCurrent();
        Object chosen = session == null ? null : session.getAttribute(LOCALE);
        return chosen instanceof Locale l ? l : Messages.VIETNAMESE;
    }

    String text(String key, Object... arguments) {
        return messages().get(currentLocale(), key, arguments);
    }

    Locale locale() {
        return currentLocale();
    }
}
