package io.clusterdeploy.provider.kubernetes.config;

import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token, read again before it can expire: fabric8's own refresh only re-reads configuration it loaded
 * from files itself, so a token supplied as a value (from a secret store, a projected token file read by us, or a
 * kubeconfig exec plugin run from content) would otherwise be used until the API server refuses it. fabric8 asks
 * {@link #getToken()} before every request (TokenRefreshInterceptor) and again after a 401, so a rotated token is
 * in use within {@code ttl}, and at once after the server refuses the old one.
 *
 * <p>A failed refresh keeps the last good token (it may still be valid) and logs the failure without the secret.
 */
public final class RotatingToken implements OAuthTokenProvider {
    private static final Logger LOG = LoggerFactory.getLogger(RotatingToken.class);

    private final String what;
    private final Supplier<String> source;
    private final Duration ttl;
    private final Clock clock;
    private String token; // guarded by this
    private Instant readAt = Instant.MIN; // guarded by this
    private int reads; // guarded by this

    /**
     * @param what   names the source in log lines (a field, never the secret)
     * @param source reads the current token; may throw
     * @param ttl    how long a token read is used before it is read again
     */
    public RotatingToken(String what, Supplier<String> source, Duration ttl, Clock clock) {
        this.what = what;
        this.source = source;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Reads the token once now, so that a missing or unreadable one fails the account's start. */
    public RotatingToken primed() {
        synchronized (this) {
            token = read();
            readAt = clock.instant();
        }
        return this;
    }

    @Override
    public synchronized String getToken() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(readAt.plus(ttl))) {
            try {
                token = read();
            } catch (RuntimeException e) {
                LOG.warn("could not read the token of {} again ({}); using the last one read", what,
                        e.getClass().getSimpleName());
            }
            readAt = now;
        }
        return token;
    }

    /** How many times the source was read, for tests and diagnostics. */
    public synchronized int reads() {
        return reads;
    }

    private String read() {
        reads++;
        String t = source.get();
        if (t == null || t.isBlank()) {
            throw new IllegalStateException(what + " is empty");
        }
        return t.strip();
    }
}
