package io.jenkins.plugins.clusterdeploy.ui;

import io.clusterdeploy.engine.api.ApiHandler;
import io.clusterdeploy.engine.api.ApiRequest;
import io.clusterdeploy.engine.api.ApiResponse;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.operation.OperationState;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hands requests under {@code /cluster-deploy/api/} to the engine's own API handlers (those the standalone server
 * serves), after what Jenkins adds: the caller's permission was checked by the action, and Jenkins checked the
 * crumb of every POST. Here: the path, JSON bodies of at most 1 MiB on POSTs, a 503 while no engine runs, and the
 * rule that a change on an account that runs processes on the controller (a local account) needs Overall/Administer:
 * ClusterDeploy/Operate would otherwise let its holder run any command there, since the accounts' allowed jobs
 * govern builds only. The account is read from the body exactly as the engine reads it (its JSON reader and
 * {@link Fields}), and a cancel's from the operation it cancels; a change this cannot attribute to an account is
 * for administrators only.
 */
public final class ApiGateway {
    static final int MAX_BODY_CHARS = 1 << 20;
    private static final Pattern CANCEL = Pattern.compile("/operations/([^/]+)/cancel");

    private final Supplier<Optional<ApiHandler>> handler;
    private final ApiChangeRules rules;
    private final Json json = new Json();

    public ApiGateway(Supplier<Optional<ApiHandler>> handler, ApiChangeRules rules) {
        this.handler = handler;
        this.rules = rules;
    }

    /** A read (GET): {@code restOfPath} such as {@code /applications/hello/clusters}. */
    public ApiResponse read(String restOfPath, Map<String, List<String>> query) {
        return dispatch(new ApiRequest("GET", path(restOfPath), query, null));
    }

    /** A change (POST) with a JSON body; {@code administrator}: the caller has Overall/Administer. */
    public ApiResponse write(String restOfPath, String contentType, Reader body, boolean administrator)
            throws IOException {
        return write(restOfPath, contentType, body, administrator, null);
    }

    /** @param actor who writes, as Jenkins authenticated them; the operation's {@code startedBy} or {@code cancelledBy} */
    public ApiResponse write(String restOfPath, String contentType, Reader body, boolean administrator, String actor)
            throws IOException {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return error(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json");
        }
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        int n;
        while ((n = body.read(buffer)) >= 0) {
            text.append(buffer, 0, n);
            if (text.length() > MAX_BODY_CHARS) {
                return error(413, "TOO_LARGE", "the request body is larger than 1 MiB");
            }
        }
        String path = path(restOfPath);
        if (!administrator) {
            Optional<String> refused = refusal(normalized(path), text.toString());
            if (refused.isPresent()) {
                return error(403, "FORBIDDEN", "account", refused.get());
            }
        }
        return dispatch(new ApiRequest("POST", path, Map.of(), text.toString(), actor));
    }

    /** Why a caller without Administer may not make this change; empty when the engine may take it. */
    private Optional<String> refusal(String path, String body) {
        String account;
        if (path.equals("/operations")) {
            try {
                account = Fields.of(json.readObject(body)).requiredString("account");
            } catch (ClusterDeployException e) {
                return Optional.empty(); // the engine reads it the same way: a 400, and nothing starts
            }
        } else {
            Matcher cancel = CANCEL.matcher(path);
            if (!cancel.matches()) {
                return Optional.of("POST " + path + " is not a change the ClusterDeploy/Operate permission covers");
            }
            Optional<OperationState> op = rules.operation(cancel.group(1));
            if (op.isEmpty()) {
                return Optional.empty(); // the engine answers 404
            }
            account = op.get().target() != null ? op.get().target().account()
                    : String.valueOf(op.get().request().get("account"));
        }
        if (!rules.needsAdministrator(account)) {
            return Optional.empty();
        }
        return Optional.of("account '" + account + "' runs processes on the Jenkins controller: starting or"
                + " cancelling its operations through the API needs Overall/Administer");
    }

    /** The path as the engine routes it: without a trailing slash. */
    private static String normalized(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private ApiResponse dispatch(ApiRequest request) {
        return handler.get().map(h -> h.handle(request))
                .orElseGet(() -> error(503, "UNAVAILABLE", "the Cluster Deploy engine is not running"));
    }

    private static String path(String restOfPath) {
        if (restOfPath == null || restOfPath.isEmpty()) {
            return "/";
        }
        return restOfPath.startsWith("/") ? restOfPath : "/" + restOfPath;
    }

    private ApiResponse error(int status, String kind, String message) {
        return error(status, kind, null, message);
    }

    private ApiResponse error(int status, String kind, String field, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("status", status);
        e.put("error", kind);
        e.put("field", field);
        e.put("message", message);
        return new ApiResponse(status, json.write(e));
    }
}
