package io.clusterdeploy.provider.prometheus;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.secret.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.core.JacksonException;

/**
 * Prometheus's HTTP API, the range query only: {@code POST /api/v1/query_range} (a form, so that long
 * queries fit and stay out of access logs), its {@code data} on success, and every failure as a
 * ClusterDeployException: a query Prometheus refuses is INVALID_INPUT naming the query's field with
 * Prometheus's own message; no answer, a timeout, a 5xx or refused credentials are UNAVAILABLE. Messages
 * show the URL without user info or query values and never a credential. Thread-safe.
 */
final class PrometheusClient {
    /** Far above one series of 11,000 points (~0.3 MB); an answer this big is many series. */
    static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(2);

    private final PrometheusSettings settings;
    private final URI endpoint;
    private final String shownUrl;
    private final String authorization; // null without credentials; never logged or shown
    private final HttpClient http;
    private final Json json = new Json();

    PrometheusClient(PrometheusSettings settings) {
        this.settings = settings;
        this.endpoint = settings.endpoint("api/v1/query_range");
        this.shownUrl = Redaction.url(settings.url());
        if (settings.bearerToken() != null) {
            authorization = "Bearer " + settings.bearerToken().reveal();
        } else if (settings.username() != null) {
            authorization = "Basic " + Base64.getEncoder().encodeToString(
                    (settings.username() + ":" + settings.password().reveal()).getBytes(StandardCharsets.UTF_8));
        } else {
            authorization = null;
        }
        // Never follow a redirect: the credentials would go wherever it points.
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The {@code data} object of a range query's answer.
     *
     * @param field the query's field, named by INVALID_INPUT when Prometheus refuses the query
     */
    Map<String, Object> rangeQuery(String promql, long startMillis, long endMillis, long stepMillis, String field) {
        StringJoiner form = new StringJoiner("&");
        form.add(param("query", promql));
        form.add(param("start", seconds(startMillis)));
        form.add(param("end", seconds(endMillis)));
        form.add(param("step", seconds(stepMillis)));
        form.add(param("timeout", seconds(settings.queryTimeout().toMillis())));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.queryTimeout().plus(ANSWER_MARGIN))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response;
        String body;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            body = read(response.body());
            if (body == null) {
                throw ClusterDeployException.invalid(field, field + ": Prometheus's answer is larger than "
                        + (MAX_ANSWER_BYTES >> 20) + " MiB; the query must aggregate to one series, e.g. with sum(...)");
            }
        } catch (HttpTimeoutException e) {
            throw unavailable("did not answer within " + settings.queryTimeout().plus(ANSWER_MARGIN).toMillis()
                    + " ms (" + e.getClass().getSimpleName() + ")", e);
        } catch (IOException e) {
            throw unavailable("cannot be reached: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("was not asked: the analysis was interrupted", e);
        }
        return answer(response.statusCode(), body, field);
    }

    private Map<String, Object> answer(int status, String body, String field) {
        Map<String, Object> parsed = parse(body);
        String errorType = parsed == null ? null : string(parsed.get("errorType"));
        String error = parsed == null ? null : string(parsed.get("error"));
        if (status == 200 && parsed != null && "success".equals(parsed.get("status"))) {
            if (!(parsed.get("data") instanceof Map<?, ?> data)) {
                throw internal("answered success without data");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> d = (Map<String, Object>) data;
            return d;
        }
        if (error != null && (status == 400 || status == 422 || "bad_data".equals(errorType)
                || "execution".equals(errorType))) {
            // Prometheus's own words: where in the query, and what is wrong.
            throw ClusterDeployException.invalid(field, field + ": Prometheus refused the query: " + error);
        }
        if (status == 401 || status == 403) {
            throw unavailable("refused the credentials (HTTP " + status + "); check the username and password or"
                    + " the bearer token", null);
        }
        if (status / 100 == 3) {
            throw unavailable("answered with a redirect (HTTP " + status + "), which is not followed; give the"
                    + " URL it redirects to as url", null);
        }
        if (status == 404) {
            throw unavailable("has no Prometheus API at " + shownUrl + "/api/v1/ (HTTP 404); check url", null);
        }
        if (error != null) {
            throw unavailable("failed (HTTP " + status + (errorType == null ? "" : ", " + errorType) + "): " + error,
                    null);
        }
        if (status == 200) {
            throw internal("answered HTTP 200 with something that is not a Prometheus API answer");
        }
        throw unavailable("failed (HTTP " + status + ")", null);
    }

    private Map<String, Object> parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            Object value = json.read(body, Object.class);
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(String.valueOf(k), v));
                return out;
            }
            return null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The body, or null when it is larger than {@link #MAX_ANSWER_BYTES}. */
    private static String read(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
            return bytes.length > MAX_ANSWER_BYTES ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private ClusterDeployException unavailable(String what, Exception cause) {
        return new ClusterDeployException(ErrorKind.UNAVAILABLE, null, "Prometheus at " + shownUrl + " " + what, cause);
    }

    private ClusterDeployException internal(String what) {
        return new ClusterDeployException(ErrorKind.INTERNAL, null, "Prometheus at " + shownUrl + " " + what);
    }

    /** The exception's class and message: the JDK's messages name hosts and ports, never a header. */
    private static String describe(IOException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + Redaction.text(root.getMessage());
        return root.getClass().getSimpleName() + message;
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    private static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Epoch milliseconds as Prometheus's decimal seconds, exactly. */
    static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }
}
