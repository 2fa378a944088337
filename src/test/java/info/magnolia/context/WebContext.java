package info.magnolia.context;

import jakarta.servlet.http.HttpServletRequest;
import javax.jcr.GuestCredentials;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * TEST ONLY - Magnolia host model: the context of one request on a public instance. Its sessions are
 * the anonymous user's (read-only: writes from a request must go through the system context), cached
 * for the request and logged out when the filter chain releases it at the end of the request.
 */
public final class WebContext implements Context {
    private final SessionCache sessions = new SessionCache(new GuestCredentials());
    private final HttpServletRequest request;

    public WebContext(HttpServletRequest request) {
        this.request = request;
    }

    public HttpServletRequest getRequest() {
        return request;
    }

    public String getContextPath() {
        return request.getContextPath();
    }

    @Override
    public Session getJCRSession(String workspaceName) throws RepositoryException {
        return sessions.get(workspaceName);
    }

    @Override
    public void release() {
        sessions.release(false);
    }
}
