package io.newsroom.news.embedded.admin;

import io.newsroom.news.article.Actor;
import io.newsroom.news.embedded.admin.accounts.AdminAccounts;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Ends the session of an account an administrator disabled (or removed) at its next request, whatever
 * the request: a click, a keystroke sent to the server, a page load; for any other signed-in account the
 * request runs as its {@link Actor} (name and role), which every write of the module checks. The account's
 * name is set on the HTTP session at sign-in ({@link #ACCOUNT}).
 */
final class DisabledAccounts implements Filter {
    static final String ACCOUNT = "newsroom.admin.account";

    private final AdminAccounts accounts;

    DisabledAccounts(AdminAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http) {
            HttpSession session = http.getSession(false);
            Object account = session == null ? null : session.getAttribute(ACCOUNT);
            if (account instanceof String name && accounts.isDisabled(name)) {
                try {
                    session.invalidate();
                } catch (IllegalStateException alreadyEnded) {
                    // ended meanwhile: nothing left to do
                }
            } else if (account instanceof String name) {
                // Every change the request makes is checked against this account's role where it is made.
                try (Actor.Scope acting = Actor.enter(new Actor(name, accounts.currentRole(name)))) {
                    chain.doFilter(request, response);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
