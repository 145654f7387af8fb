package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/**
 * Shim of {@code hudson.util.Secret} (Jenkins 2.541.3): holds the plain text; no encryption
 * ({@code fromString} never decrypts here). {@link #getEncryptedValue()} and {@link #decrypt(String)} need the
 * controller's confidential key, so they throw here.
 */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    @NonNull
    private final String value;

    Secret(String value) {
        this.value = value;
    }

    @Override
    @Deprecated
    public String toString() {
        return value;
    }

    @NonNull
    public String getPlainText() {
        return value;
    }

    @Override
    public boolean equals(Object that) {
        return that instanceof Secret other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    public String getEncryptedValue() {
        throw new UnsupportedOperationException("jenkins-api-shim: no confidential key without Jenkins");
    }

    @CheckForNull
    public static Secret decrypt(@CheckForNull String data) {
        throw new UnsupportedOperationException("jenkins-api-shim: no confidential key without Jenkins");
    }

    @NonNull
    public static Secret fromString(@CheckForNull String data) {
        return new Secret(data == null ? "" : data);
    }

    @NonNull
    public static String toString(@CheckForNull Secret s) {
        return s == null ? "" : s.value;
    }
}
