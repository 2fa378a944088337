package io.newsroom.news.embedded.admin;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin app's sessions of nobody signed in (the sign-in page, some 22 KB each): short-lived
 * ({@link #ANONYMOUS_SECONDS}) and at most {@code cap} of them, the oldest ended when a new one would
 * pass it, so a flood of sign-in page requests cannot fill the heap. A session that signs in is taken
 * off this list and lives as long as signed-in sessions do.
 */
public final class AnonymousSessions implements HttpSessionListener {
    static final int ANONYMOUS_SECONDS = 120;
    /** Default cap: about 22 MB of sign-in page sessions. */
    static final int DEFAULT_CAP = 1_000;

    private final int cap;
    private final Map<String, HttpSession> anonymous = new LinkedHashMap<>();

    AnonymousSessions(int cap) {
        this.cap = cap;
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        session.setMaxInactiveInterval(ANONYMOUS_SECONDS);
        List<HttpSession> ended = new ArrayList<>();
        synchronized (anonymous) {
            anonymous.put(session.getId(), session);
            var oldest = anonymous.entrySet().iterator();
            while (anonymous.size() > cap && oldest.hasNext()) {
                ended.add(oldest.next().getValue());
                oldest.remove();
            }
        }
        for (HttpSession old : ended) {
            try {
                old.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // ended meanwhile
            }
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        synchronized (anonymous) {
            anonymous.remove(event.getSession().getId());
        }
    }

    /** The session {@code id} signed in: it is nobody's anonymous session any more. */
    void signedIn(String id) {
        synchronized (anonymous) {
            anonymous.remove(id);
        }
    }

    /** How many sessions of nobody signed in there are. */
    public int count() {
        synchronized (anonymous) {
            return anonymous.size();
        }
    }
}
