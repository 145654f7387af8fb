package io.clusterdeploy.standalone.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Browser sessions of the standalone server, in memory only (a restart signs everyone out): one-time sign-in codes,
 * and the sessions they open. A session has three values: a public id (its first 8 characters name it in
 * {@code startedBy}), the cookie's secret, which only the browser's cookie jar holds (HttpOnly), and the CSRF token
 * that the page reads from {@code GET /api/session} and sends in a header on every change. Secrets are kept as
 * digests and compared in constant time.
 */
public final class Sessions {
    /** A sign-in link is good once, for this long after it was made. */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    /** A session ends this long after sign-in, however busy. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    static final int MAX_CODES = 32;
    static final int MAX_SESSIONS = 64;

    private final SecureRandom random;
    private final Clock clock;
    /** By digest of the code: when it expires. Oldest first, so the oldest goes when the map is full. */
    private final Map<String, Instant> codes = new LinkedHashMap<>();
    /** By digest of the cookie secret. */
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    /**
     * One signed-in browser.
     *
     * @param id        public and random; shown in part as the actor
     * @param csrfToken what the page sends in {@link SessionHttpHandler#CSRF_HEADER}
     * @param expiresAt when it ends
     */
    public record Session(String id, String csrfToken, Instant expiresAt) {
        /** Who acts, for the operations' {@code startedBy}. */
        public String actor() {
            return "standalone session " + id.substring(0, 8);
        }

        /** Constant-time comparison with what a request presented. */
        public boolean csrfMatches(String presented) {
            return presented != null && MessageDigest.isEqual(digest(csrfToken), digest(presented));
        }

        @Override
        public String toString() {
            return "Session[" + id.substring(0, 8) + ", redacted]";
        }
    }

    /** A session just opened, with the cookie secret to send once. */
    public record Opened(Session session, String cookieSecret) {
        @Override
        public String toString() {
            return "Opened[" + session + "]";
        }
    }

    public Sessions(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** A new one-time sign-in code, good for {@link #CODE_LIFETIME}. */
    public synchronized String newCode() {
        prune();
        dropOldestBeyond(codes, MAX_CODES);
        String code = secret();
        codes.put(key(code), clock.instant().plus(CODE_LIFETIME));
        return code;
    }

    /** Opens a session for a code that was made here, is unused and unexpired; the code is used up either way. */
    public synchronized Optional<Opened> redeem(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Instant expires = codes.remove(key(code));
        if (expires == null || !clock.instant().isBefore(expires)) {
            return Optional.empty();
        }
        return Optional.of(open());
    }

    /** Opens a session (the caller has checked the API token). */
    public synchronized Opened open() {
        prune();
        dropOldestBeyond(sessions, MAX_SESSIONS);
        String cookie = secret();
        Session s = new Session(secret(), secret(), clock.instant().plus(SESSION_LIFETIME));
        sessions.put(key(cookie), s);
        return new Opened(s, cookie);
    }

    /** The live session of a cookie secret. */
    public synchronized Optional<Session> find(String cookieSecret) {
        if (cookieSecret == null) {
            return Optional.empty();
        }
        String k = key(cookieSecret);
        Session s = sessions.get(k);
        if (s != null && !clock.instant().isBefore(s.expiresAt())) {
            sessions.remove(k);
            return Optional.empty();
        }
        return Optional.ofNullable(s);
    }

    /** Ends the session of a cookie secret, if any. */
    public synchronized void end(String cookieSecret) {
        if (cookieSecret != null) {
            sessions.remove(key(cookieSecret));
        }
    }

    /** Makes room for one more: the map keeps its insertion order, so the first is the oldest. */
    private static void dropOldestBeyond(Map<String, ?> map, int max) {
        Iterator<String> oldest = map.keySet().iterator();
        while (map.size() >= max && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    private void prune() {
        Instant now = clock.instant();
        codes.values().removeIf(e -> !now.isBefore(e));
        sessions.values().removeIf(s -> !now.isBefore(s.expiresAt()));
    }

    private String secret() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String key(String secret) {
        return Base64.getEncoder().encodeToString(digest(secret));
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
