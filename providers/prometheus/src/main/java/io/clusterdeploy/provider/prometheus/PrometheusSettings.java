package io.clusterdeploy.provider.prometheus;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.clusterdeploy.engine.secret.Redaction;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach one Prometheus (or a server with its HTTP API: Thanos Query, Mimir, VictoriaMetrics).
 * {@link #toString()} never shows a secret.
 *
 * @param url            the base URL, e.g. {@code http://127.0.0.1:9090} or {@code https://metrics.example.com/prometheus};
 *                       the API is under {@code <url>/api/v1/}. No user info, query or fragment.
 * @param username       basic authentication user, or null
 * @param password       basic authentication password (with {@code username}), or null
 * @param bearerToken    a bearer token instead of basic authentication, or null
 * @param connectTimeout how long connecting may take
 * @param queryTimeout   how long one range query may take, also sent to Prometheus as its {@code timeout}
 */
public record PrometheusSettings(URI url, String username, Secret password, Secret bearerToken,
                                 Duration connectTimeout, Duration queryTimeout) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    public PrometheusSettings {
        checkUrl("url", url);
        if (username != null && username.isBlank()) {
            username = null;
        }
        if (username != null && (username.indexOf(':') >= 0 || username.chars().anyMatch(Character::isISOControl))) {
            throw ClusterDeployException.invalid("username", "username must not contain ':' or control characters");
        }
        if (username != null && password == null) {
            throw ClusterDeployException.invalid("password", "basic authentication needs a password with the username");
        }
        if (username == null && password != null) {
            throw ClusterDeployException.invalid("username", "a password needs a username (basic authentication)");
        }
        if (bearerToken != null && username != null) {
            throw ClusterDeployException.invalid("bearerToken",
                    "give a username and password or a bearer token, not both");
        }
        if (bearerToken != null && (bearerToken.isEmpty()
                || bearerToken.reveal().chars().anyMatch(c -> c <= ' ' || c == 0x7f))) {
            throw ClusterDeployException.invalid("bearerToken", "the bearer token must be non-empty, without spaces"
                    + " or control characters");
        }
        if ((username != null || bearerToken != null) && "http".equalsIgnoreCase(url.getScheme())
                && !isLoopback(url.getHost())) {
            throw ClusterDeployException.invalid("url", "url: credentials are sent only over https, or over http to"
                    + " this machine (127.0.0.1, localhost); was " + Redaction.url(url));
        }
        connectTimeout = checkTimeout("connectTimeout", connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        queryTimeout = checkTimeout("queryTimeout", queryTimeout, DEFAULT_QUERY_TIMEOUT);
    }

    /** No authentication, default timeouts. */
    public static PrometheusSettings of(URI url) {
        return new PrometheusSettings(url, null, null, null, null, null);
    }

    public PrometheusSettings withBasicAuth(String user, Secret pass) {
        return new PrometheusSettings(url, user, pass, null, connectTimeout, queryTimeout);
    }

    public PrometheusSettings withBearerToken(Secret token) {
        return new PrometheusSettings(url, null, null, token, connectTimeout, queryTimeout);
    }

    public PrometheusSettings withTimeouts(Duration connect, Duration query) {
        return new PrometheusSettings(url, username, password, bearerToken, connect, query);
    }

    /**
     * Reads settings as the standalone YAML or a Jenkins form gives them: {@code url}, optional
     * {@code username} with {@code password}, or {@code bearerToken} (both references the front end's
     * {@link SecretResolver} resolves: {@code env:NAME}, a credentials id), {@code connectTimeoutMillis},
     * {@code queryTimeoutMillis}. Errors are INVALID_INPUT naming {@code prefix.key}, never showing a secret.
     */
    public static PrometheusSettings parse(String prefix, Map<String, Object> settings, SecretResolver secrets) {
        Fields f = new Fields(prefix, settings);
        String rawUrl = f.requiredString("url");
        String username = f.optionalString("username", null);
        String passwordRef = f.optionalString("password", null);
        String tokenRef = f.optionalString("bearerToken", null);
        int connectMillis = f.optionalInt("connectTimeoutMillis", (int) DEFAULT_CONNECT_TIMEOUT.toMillis(), 1,
                (int) MAX_TIMEOUT.toMillis());
        int queryMillis = f.optionalInt("queryTimeoutMillis", (int) DEFAULT_QUERY_TIMEOUT.toMillis(), 1,
                (int) MAX_TIMEOUT.toMillis());
        f.rejectUnknown();
        URI url;
        try {
            url = new URI(rawUrl.strip());
        } catch (URISyntaxException e) {
            // The reason only: a URL with user info in it must not be echoed.
            throw ClusterDeployException.invalid(f.path("url"), f.path("url") + " is not a URL: " + e.getReason());
        }
        try {
            Secret password = passwordRef == null ? null
                    : Secret.of(secrets.resolve(f.path("password"), passwordRef.strip()));
            Secret token = tokenRef == null ? null : Secret.of(secrets.resolve(f.path("bearerToken"), tokenRef.strip()));
            return new PrometheusSettings(url, username, password, token, Duration.ofMillis(connectMillis),
                    Duration.ofMillis(queryMillis));
        } catch (ClusterDeployException e) {
            if (e.field() == null || e.field().startsWith(prefix)) {
                throw e;
            }
            throw new ClusterDeployException(e.kind(), f.path(e.field()), f.path(e.field()) + ": " + e.getMessage(), e);
        }
    }

    /** The URL of an API endpoint, e.g. {@code api/v1/query_range}. */
    URI endpoint(String path) {
        String base = url.toString();
        return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
    }

    @Override
    public String toString() {
        return "PrometheusSettings[url=" + Redaction.url(url)
                + (username != null ? ", username=" + username + ", password=" + Redaction.MASK : "")
                + (bearerToken != null ? ", bearerToken=" + Redaction.MASK : "")
                + ", connectTimeout=" + connectTimeout + ", queryTimeout=" + queryTimeout + "]";
    }

    private static void checkUrl(String field, URI url) {
        Objects.requireNonNull(url, field);
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw ClusterDeployException.invalid(field, field + " must be an http or https URL, was "
                    + Redaction.url(url));
        }
        if (url.getRawUserInfo() != null) {
            throw ClusterDeployException.invalid(field, field + " must not carry credentials; give username and"
                    + " password (or bearerToken) as their own settings");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw ClusterDeployException.invalid(field, field + " needs a host, was " + Redaction.url(url));
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw ClusterDeployException.invalid(field, field + " must be the base URL, without a query or fragment,"
                    + " was " + Redaction.url(url));
        }
    }

    private static Duration checkTimeout(String field, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero() || value.compareTo(MAX_TIMEOUT) > 0) {
            throw ClusterDeployException.invalid(field, field + " must be more than 0 and at most " + MAX_TIMEOUT
                    + ", was " + value);
        }
        return value;
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Literal addresses only: a name is never resolved here (it could resolve elsewhere later).
        if (!h.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
