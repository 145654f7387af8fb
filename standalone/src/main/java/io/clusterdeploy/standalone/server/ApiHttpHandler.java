package io.clusterdeploy.standalone.server;

import io.clusterdeploy.engine.api.ApiHandler;
import io.clusterdeploy.engine.api.ApiRequest;
import io.clusterdeploy.engine.api.ApiResponse;
import io.clusterdeploy.engine.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Serves the engine's API under {@code /api}: every request passes the security rules first,
 * then its body is read (bounded) and handed to the engine with {@code /api} stripped.
 */
public final class ApiHttpHandler extends Handler.Abstract {
    public static final String API_ROOT = "/api";

    private final List<RequestRule> rules;
    private final CallerRule callers;
    private final BodyReader bodies;
    private final ApiHandler api;
    private final Json json = new Json();
    private final CompressedBodies compressed = new CompressedBodies();

    /**
     * @param rules   checked in order; the first refusal answers
     * @param callers among the rules; names who sends a request that passed them
     */
    public ApiHttpHandler(List<RequestRule> rules, CallerRule callers, int maxBodyBytes, ApiHandler api) {
        super(InvocationType.BLOCKING);
        this.rules = List.copyOf(rules);
        this.callers = callers;
        this.bodies = new BodyReader(maxBodyBytes);
        this.api = api;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        RequestHead head = head(request);
        Optional<Rejection> refused = RequestRule.firstRefusal(rules, head);
        if (refused.isPresent()) {
            closeIfBodyUnread(request, response);
            reject(response, callback, refused.get());
            return true;
        }
        String path = Request.getPathInContext(request);
        if (!path.equals(API_ROOT) && !path.startsWith(API_ROOT + "/")) {
            closeIfBodyUnread(request, response);
            reject(response, callback, new Rejection(404, "NOT_FOUND", "path", "the API is under " + API_ROOT + "/"));
            return true;
        }
        String apiPath = path.length() == API_ROOT.length() ? "/" : path.substring(API_ROOT.length());
        String body = null;
        if (head.mutating()) {
            BodyReader.Result read = bodies.read(Request.asInputStream(request));
            if (read.rejection() != null) {
                closeIfBodyUnread(request, response);
                reject(response, callback, read.rejection());
                return true;
            }
            body = read.body();
        }
        if (!head.mutating()) {
            closeIfBodyUnread(request, response);
        }
        // The rules above let only the bearer of the API token or a session (with its CSRF token) change anything.
        ApiResponse answer = api.handle(new ApiRequest(head.method(), apiPath, query(request), body, callers.actor(head),
                request.getHeaders().get(HttpHeader.IF_NONE_MATCH)));
        if (answer.etag() != null) {
            sendCached(request, response, callback, answer);
        } else {
            send(response, callback, answer.status(), answer.json());
        }
        return true;
    }

    /** A cached read: its ETag, nothing more for a 304, gzipped (once per body) when the client takes it. */
    private void sendCached(Request request, Response response, Callback callback, ApiResponse answer) {
        var h = response.getHeaders();
        h.put(HttpHeader.ETAG, answer.etag());
        h.put(HttpHeader.VARY, "Accept-Encoding");
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        if (answer.status() == 304) {
            response.setStatus(304);
            response.write(true, null, callback);
            return;
        }
        response.setStatus(answer.status());
        h.put(HttpHeader.CONTENT_TYPE, ApiResponse.CONTENT_TYPE);
        if (answer.json().length() >= CompressedBodies.MIN_BYTES
                && CompressedBodies.accepted(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING))) {
            h.put(HttpHeader.CONTENT_ENCODING, "gzip");
            response.write(true, ByteBuffer.wrap(compressed.gzip(answer.etag(), answer.json())), callback);
        } else {
            response.write(true, ByteBuffer.wrap(answer.json().getBytes(StandardCharsets.UTF_8)), callback);
        }
    }

    /**
     * A request answered without reading its body leaves that body on the connection; Jetty then
     * closes the connection after the answer, and a client that reused it meanwhile reads nothing
     * (the JDK client does not retry a POST). Saying so in the answer keeps clients from reusing it.
     */
    static void closeIfBodyUnread(Request request, Response response) {
        var h = request.getHeaders();
        if (h.getLongField(HttpHeader.CONTENT_LENGTH) > 0 || h.contains(HttpHeader.TRANSFER_ENCODING)) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
    }

    static RequestHead head(Request request) {
        var h = request.getHeaders();
        // Several Cookie headers (HTTP/2 splits them) are one list: join them as one header would be.
        List<String> cookies = h.getValuesList(HttpHeader.COOKIE);
        return new RequestHead(request.getMethod(), h.get(HttpHeader.HOST), h.get(HttpHeader.ORIGIN),
                h.get(HttpHeader.AUTHORIZATION), h.get(HttpHeader.CONTENT_TYPE), h.getLongField(HttpHeader.CONTENT_LENGTH),
                cookies.isEmpty() ? null : String.join("; ", cookies), h.get(SessionHttpHandler.CSRF_HEADER));
    }

    private static Map<String, List<String>> query(Request request) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        for (Fields.Field f : fields) {
            out.put(f.getName(), List.copyOf(f.getValues()));
        }
        return out;
    }

    private void reject(Response response, Callback callback, Rejection rejection) {
        if (rejection.status() == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"cluster-deploy\"");
        }
        send(response, callback, rejection.status(), rejection.toJson(json));
    }

    static void send(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiResponse.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
