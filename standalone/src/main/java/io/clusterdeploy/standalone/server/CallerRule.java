package io.clusterdeploy.standalone.server;

import java.util.Optional;

/**
 * Who may change anything, and who they are: the bearer of the API token (scripts, the CLI), or a browser session
 * whose request also carries the session's CSRF token in {@value SessionHttpHandler#CSRF_HEADER}. The cookie alone
 * is never enough: a page the browser sends it from must also have read the token from {@code GET /api/session},
 * which only a page of this very origin can. Reads need neither.
 */
public final class CallerRule implements RequestRule {
    /** The operations' {@code startedBy} for requests authenticated by the API token. */
    static final String TOKEN_ACTOR = "standalone API token";

    private final BearerTokenRule bearer;
    private final Sessions sessions;

    public CallerRule(BearerTokenRule bearer, Sessions sessions) {
        this.bearer = bearer;
        this.sessions = sessions;
    }

    @Override
    public Optional<Rejection> check(RequestHead head) {
        if (!head.mutating() || bearer.presentsToken(head)) {
            return Optional.empty();
        }
        if (head.authorization() != null) {
            return Optional.of(bearer.refusal(head)); // a wrong token is not rescued by a cookie
        }
        String cookie = SessionCookie.value(head.cookie());
        if (cookie == null) {
            return Optional.of(bearer.refusal(head));
        }
        Optional<Sessions.Session> session = sessions.find(cookie);
        if (session.isEmpty()) {
            return Optional.of(new Rejection(401, "UNAUTHORIZED", "Cookie",
                    "the session has ended or is unknown (a restart ends every session): sign in again"));
        }
        if (!session.get().csrfMatches(head.csrfToken())) {
            return Optional.of(new Rejection(403, "FORBIDDEN", SessionHttpHandler.CSRF_HEADER, head.method()
                    + " requests of a session need the header " + SessionHttpHandler.CSRF_HEADER
                    + " with the token that GET /api/session gives the session"));
        }
        return Optional.empty();
    }

    /** Who sends a request that passed {@link #check}: the token, a session, or null for an anonymous read. */
    public String actor(RequestHead head) {
        if (bearer.presentsToken(head)) {
            return TOKEN_ACTOR;
        }
        if (head.authorization() != null) {
            return null;
        }
        return sessions.find(SessionCookie.value(head.cookie()))
                .filter(s -> !head.mutating() || s.csrfMatches(head.csrfToken()))
                .map(Sessions.Session::actor).orElse(null);
    }
}
