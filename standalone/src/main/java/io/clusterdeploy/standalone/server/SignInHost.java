package io.clusterdeploy.standalone.server;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The server's own host name for browser sessions, {@code s-<random>.localhost}: Chromium (and every browser that
 * follows RFC 6761) resolves {@code *.localhost} to loopback without asking DNS. A host-only cookie set for this name
 * is sent to no other host name, so the apps behind the local load balancer, reached at {@code 127.0.0.1} or
 * {@code localhost}, never receive the session. Cookies are not isolated by port, so the name is random per start
 * and told only to the person at the console: a page that cannot name it cannot be served under it.
 */
public final class SignInHost {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final int LETTERS = 20; // 100 bits

    private final String name;

    private SignInHost(String name) {
        this.name = name;
    }

    public static SignInHost random(SecureRandom random) {
        StringBuilder b = new StringBuilder("s-");
        for (int i = 0; i < LETTERS; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new SignInHost(b.append(".localhost").toString());
    }

    /** The host name itself, e.g. {@code s-k3j2….localhost}; to be printed for the user, not served to pages. */
    public String name() {
        return name;
    }

    /** Whether {@code host} (a Host header's name part, without the port) is this name. */
    boolean is(String host) {
        return host != null && host.trim().toLowerCase(Locale.ROOT).equals(name);
    }

    @Override
    public String toString() {
        return "SignInHost[redacted]";
    }
}
