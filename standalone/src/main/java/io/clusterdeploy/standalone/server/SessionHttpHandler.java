package io.clusterdeploy.standalone.server;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Browser sessions, under {@code /api/session}:
 * <ul>
 *   <li>{@code GET}: whether this browser is signed in, and if so the session's name and its CSRF token (a
 *       same-origin read: no other site's page can read the answer);</li>
 *   <li>{@code POST} {@code {"code": ...}} (the one-time code of a sign-in link) or {@code {"token": ...}} (the API
 *       token, pasted once): opens a session and sets its cookie. Only on the sign-in host, so that the cookie is
 *       set for that host name alone and never for 127.0.0.1, whose cookies every port there receives;</li>
 *   <li>{@code DELETE}, with the CSRF header: signs out;</li>
 *   <li>{@code POST /api/session/link}, with the API token: a fresh one-time sign-in link.</li>
 * </ul>
 * Every request passes the Host and Origin rules first; POSTs also the JSON content type and size rules.
 */
public final class SessionHttpHandler extends Handler.Abstract {
    public static final String PATH = "/api/session";
    public static final String LINK_PATH = PATH + "/link";
    public static final String CSRF_HEADER = "X-Cluster-Deploy-CSRF";
    public static final String SIGN_IN_PAGE = "/ui/sign-in";

    private final List<RequestRule> sameSite;
    private final List<RequestRule> bodies;
    private final LoopbackAuthorities authorities;
    private final Sessions sessions;
    private final ApiToken token;
    private final BearerTokenRule bearer;
    private final SignInHost host;
    private final IntSupplier port;
    private final BodyReader reader;
    private final Json json = new Json();

    public SessionHttpHandler(List<RequestRule> sameSite, LoopbackAuthorities authorities, Sessions sessions,
                              ApiToken token, BearerTokenRule bearer, SignInHost host, IntSupplier port, int maxBodyBytes) {
        super(InvocationType.BLOCKING);
        this.sameSite = List.copyOf(sameSite);
        this.bodies = List.of(new JsonContentTypeRule(), new BodySizeRule(maxBodyBytes));
        this.authorities = authorities;
        this.sessions = sessions;
        this.token = token;
        this.bearer = bearer;
        this.host = host;
        this.port = port;
        this.reader = new BodyReader(maxBodyBytes);
    }

    /** A new one-time sign-in link, e.g. {@code http://s-….localhost:7070/ui/sign-in#<code>}. */
    public String newSignInLink() {
        return "http://" + host.name() + ":" + port.getAsInt() + SIGN_IN_PAGE + "#" + sessions.newCode();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.equals(PATH) && !path.equals(PATH + "/") && !path.equals(LINK_PATH)) {
            return false;
        }
        RequestHead head = ApiHttpHandler.head(request);
        Optional<Rejection> refused = RequestRule.firstRefusal(sameSite, head);
        if (refused.isEmpty() && head.method().equals("POST")) {
            refused = RequestRule.firstRefusal(bodies, head);
        }
        if (refused.isPresent()) {
            ApiHttpHandler.closeIfBodyUnread(request, response);
            reject(response, callback, refused.get());
            return true;
        }
        if (path.equals(LINK_PATH)) {
            link(request, response, callback, head);
            return true;
        }
        switch (head.method()) {
            case "GET", "HEAD" -> {
                ApiHttpHandler.closeIfBodyUnread(request, response);
                answer(response, callback, 200, state(current(head).orElse(null)));
            }
            case "POST" -> signIn(request, response, callback, head);
            case "DELETE" -> {
                ApiHttpHandler.closeIfBodyUnread(request, response);
                signOut(response, callback, head);
            }
            default -> {
                ApiHttpHandler.closeIfBodyUnread(request, response);
                response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST, DELETE");
                reject(response, callback, new Rejection(405, "METHOD_NOT_ALLOWED", "method",
                        head.method() + " is not allowed on " + PATH));
            }
        }
        return true;
    }

    private Optional<Sessions.Session> current(RequestHead head) {
        return sessions.find(SessionCookie.value(head.cookie()));
    }

    private void link(Request request, Response response, Callback callback, RequestHead head) {
        ApiHttpHandler.closeIfBodyUnread(request, response);
        if (!head.method().equals("POST")) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            reject(response, callback, new Rejection(405, "METHOD_NOT_ALLOWED", "method", "POST " + LINK_PATH
                    + " makes a sign-in link"));
            return;
        }
        if (!bearer.presentsToken(head)) {
            reject(response, callback, new Rejection(401, "UNAUTHORIZED", "Authorization",
                    "a sign-in link is made only for the bearer of the API token"));
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", newSignInLink());
        m.put("expiresInSeconds", Sessions.CODE_LIFETIME.toSeconds());
        answer(response, callback, 201, m);
    }

    private void signIn(Request request, Response response, Callback callback, RequestHead head) throws Exception {
        BodyReader.Result read = reader.read(Request.asInputStream(request));
        if (read.rejection() != null) {
            ApiHttpHandler.closeIfBodyUnread(request, response);
            reject(response, callback, read.rejection());
            return;
        }
        if (!authorities.isSignInAuthority(head.host())) {
            // A cookie set for 127.0.0.1 or localhost would go to every port there: the load balancer, the apps.
            reject(response, callback, new Rejection(403, "FORBIDDEN", "Host", "sessions are opened only on the"
                    + " server's own sign-in address, which 'cluster-deploy serve' prints"
                    + " (http://s-<random>.localhost:" + port.getAsInt() + SIGN_IN_PAGE + "): a cookie for "
                    + hostName(head.host()) + " would reach every port on it, the load balancer's apps included"));
            return;
        }
        Map<String, Object> body;
        try {
            body = json.readObject(read.body());
        } catch (ClusterDeployException e) {
            reject(response, callback, new Rejection(400, "INVALID_INPUT", e.field() == null ? "body" : e.field(),
                    e.getMessage()));
            return;
        }
        Object code = body.get("code");
        Object pasted = body.get("token");
        if (body.size() != 1 || (code == null) == (pasted == null)) {
            reject(response, callback, new Rejection(400, "INVALID_INPUT", "body",
                    "send exactly one of {\"code\": <the sign-in link's code>} or {\"token\": <the API token>}"));
            return;
        }
        Optional<Sessions.Opened> opened;
        if (code != null) {
            opened = code instanceof String c ? sessions.redeem(c) : Optional.empty();
            if (opened.isEmpty()) {
                reject(response, callback, new Rejection(401, "UNAUTHORIZED", "code", "this sign-in link was used"
                        + " already or has expired (links are good once, for " + Sessions.CODE_LIFETIME.toMinutes()
                        + " minutes): paste the API token instead, or make a new link with"
                        + " POST " + LINK_PATH));
                return;
            }
        } else {
            if (!(pasted instanceof String t) || !token.matches(t.trim())) {
                reject(response, callback, new Rejection(401, "UNAUTHORIZED", "token",
                        "that is not the API token (it is in the server's token file)"));
                return;
            }
            opened = Optional.of(sessions.open());
        }
        response.getHeaders().add(HttpHeader.SET_COOKIE,
                SessionCookie.set(opened.get().cookieSecret(), Sessions.SESSION_LIFETIME));
        answer(response, callback, 201, state(opened.get().session()));
    }

    private void signOut(Response response, Callback callback, RequestHead head) {
        Optional<Sessions.Session> s = current(head);
        if (s.isPresent() && !s.get().csrfMatches(head.csrfToken())) {
            reject(response, callback, new Rejection(403, "FORBIDDEN", CSRF_HEADER,
                    "signing out needs the header " + CSRF_HEADER + " with the session's token"));
            return;
        }
        sessions.end(SessionCookie.value(head.cookie()));
        response.getHeaders().add(HttpHeader.SET_COOKIE, SessionCookie.clear());
        answer(response, callback, 200, state(null));
    }

    /** What GET answers; the CSRF token only to the session's own browser. */
    private static Map<String, Object> state(Sessions.Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("signedIn", s != null);
        if (s != null) {
            m.put("session", s.id().substring(0, 8));
            m.put("actor", s.actor());
            m.put("expiresAt", s.expiresAt().toString());
            m.put("csrfHeader", CSRF_HEADER);
            m.put("csrfToken", s.csrfToken());
        }
        return m;
    }

    private static String hostName(String authority) {
        if (authority == null) {
            return "that host";
        }
        int colon = authority.lastIndexOf(':');
        return colon > 0 && !authority.endsWith("]") ? authority.substring(0, colon) : authority;
    }

    private void answer(Response response, Callback callback, int status, Map<String, Object> body) {
        ApiHttpHandler.send(response, callback, status, json.write(body));
    }

    private void reject(Response response, Callback callback, Rejection r) {
        ApiHttpHandler.send(response, callback, r.status(), r.toJson(json));
    }
}
