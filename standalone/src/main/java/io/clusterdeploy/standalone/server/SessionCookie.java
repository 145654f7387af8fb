package io.clusterdeploy.standalone.server;

import java.time.Duration;

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page makes the browser send
 * it), host-only (no Domain attribute: only the exact host that set it, the sign-in host, ever gets it back) and
 * Path=/. Not Secure: the server speaks plain HTTP on loopback.
 */
final class SessionCookie {
    static final String NAME = "cd_session";

    private SessionCookie() {
    }

    /** The Set-Cookie value that hands {@code secret} to the browser for {@code maxAge}. */
    static String set(String secret, Duration maxAge) {
        return NAME + "=" + secret + "; Path=/; Max-Age=" + maxAge.toSeconds() + "; HttpOnly; SameSite=Strict";
    }

    /** The Set-Cookie value that makes the browser forget it. */
    static String clear() {
        return NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict";
    }

    /** Our cookie's value in a Cookie header, or null. */
    static String value(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String part : cookieHeader.split(";")) {
            String p = part.trim();
            if (p.startsWith(NAME + "=")) {
                String v = p.substring(NAME.length() + 1).trim();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }
}
