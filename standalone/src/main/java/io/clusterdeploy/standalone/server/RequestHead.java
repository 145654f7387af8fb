package io.clusterdeploy.standalone.server;

import java.util.Locale;

/**
 * The parts of an HTTP request the security rules look at, taken from the request line and
 * headers before the body is read. Keeps the rules independent of Jetty.
 *
 * @param method        HTTP method, upper case
 * @param host          {@code Host} header, or null
 * @param origin        {@code Origin} header, or null
 * @param authorization {@code Authorization} header, or null
 * @param contentType   {@code Content-Type} header, or null
 * @param contentLength declared body length, or -1 when not declared (chunked or no body)
 * @param cookie        {@code Cookie} header, or null
 * @param csrfToken     the {@value SessionHttpHandler#CSRF_HEADER} header, or null
 */
public record RequestHead(String method, String host, String origin, String authorization, String contentType,
                          long contentLength, String cookie, String csrfToken) {
    public RequestHead {
        method = method == null ? "" : method.toUpperCase(Locale.ROOT);
    }

    /** Without cookie or CSRF header. */
    public RequestHead(String method, String host, String origin, String authorization, String contentType,
                       long contentLength) {
        this(method, host, origin, authorization, contentType, contentLength, null, null);
    }

    /** Anything but a read changes state (or might): only GET, HEAD and OPTIONS are reads. */
    public boolean mutating() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }
}
