package io.clusterdeploy.standalone.server;

import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.ui.UiAssets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the cluster view and its sign-in page ({@code /ui/sign-in}): {@code /} and {@code /ui} redirect to
 * {@code /ui/}, which serves the view's files under a strict Content-Security-Policy. Requests pass the same Host
 * and Origin rules as the API. Paths it does not own are left to the next handler.
 */
public final class UiHttpHandler extends Handler.Abstract {
    public static final String UI_ROOT = "/ui/";
    /** The sign-in page, {@code /ui/sign-in}. */
    static final String SIGN_IN = "sign-in";
    /** Only our own files: no inline script or style, no other site, no framing. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final List<RequestRule> rules;
    private final UiAssets assets;
    private final Json json = new Json();

    /** @param rules checked in order before anything is answered; the first refusal answers */
    public UiHttpHandler(List<RequestRule> rules, UiAssets assets) {
        super(InvocationType.NON_BLOCKING);
        this.rules = List.copyOf(rules);
        this.assets = assets;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        boolean redirect = path.equals("/") || path.equals("/ui");
        if (!redirect && !path.startsWith(UI_ROOT)) {
            return false;
        }
        securityHeaders(response);
        RequestHead head = ApiHttpHandler.head(request);
        // The view reads no request body.
        ApiHttpHandler.closeIfBodyUnread(request, response);
        Optional<Rejection> refused = RequestRule.firstRefusal(rules, head);
        if (refused.isPresent()) {
            error(response, callback, refused.get());
        } else if (!head.method().equals("GET") && !head.method().equals("HEAD")) {
            // Static files: changes go to the API.
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            error(response, callback, new Rejection(405, "METHOD_NOT_ALLOWED", null,
                    head.method() + " is not allowed on the cluster view's files; changes go to the API"));
        } else if (redirect) {
            redirect(request, response, callback);
        } else {
            serve(path.substring(UI_ROOT.length()), head.method().equals("HEAD"), response, callback);
        }
        return true;
    }

    private void serve(String name, boolean headOnly, Response response, Callback callback) {
        String file = name.isEmpty() ? UiAssets.INDEX : name.equals(SIGN_IN) ? UiAssets.SIGN_IN : name;
        Optional<UiAssets.Asset> asset = assets.find(file);
        if (asset.isEmpty()) {
            error(response, callback, new Rejection(404, "NOT_FOUND", "path", "no such file in the cluster view"));
            return;
        }
        byte[] bytes = asset.get().bytes();
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, asset.get().contentType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        // Always revalidate, so a browser never keeps a view older than the server it talks to.
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.write(true, headOnly ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), callback);
    }

    /** To {@code /ui/}, keeping the query ({@code ?app=}); relative, so any Host we accept stays. */
    private static void redirect(Request request, Response response, Callback callback) {
        String query = request.getHttpURI().getQuery();
        response.setStatus(302);
        response.getHeaders().put(HttpHeader.LOCATION, UI_ROOT + (query == null ? "" : "?" + query));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.write(true, ByteBuffer.allocate(0), callback);
    }

    private static void securityHeaders(Response response) {
        var h = response.getHeaders();
        h.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
    }

    private void error(Response response, Callback callback, Rejection rejection) {
        ApiHttpHandler.send(response, callback, rejection.status(), rejection.toJson(json));
    }
}
