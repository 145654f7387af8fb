package io.clusterdeploy.standalone.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token for mutating API calls: 32 random bytes, URL-safe base64. {@link #toString()}
 * never shows it, so it cannot leak through a log line that prints this object.
 */
public final class ApiToken {
    private static final int BYTES = 32;

    private final String value;
    private final byte[] digest;

    private ApiToken(String value) {
        this.value = value;
        this.digest = sha256(value);
    }

    public static ApiToken generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new ApiToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public static ApiToken generate() {
        return generate(new SecureRandom());
    }

    /** The secret itself: for the token file and the one line printed at start, nowhere else. */
    public String value() {
        return value;
    }

    /** Constant-time comparison (of digests, so the length of the guess leaks nothing either). */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    @Override
    public String toString() {
        return "ApiToken[redacted]";
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
