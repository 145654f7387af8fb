package io.clusterdeploy.provider.prometheus;

import java.util.Arrays;

/**
 * A password or token. Shows as {@code ****} wherever it is printed, and has no properties a JSON
 * mapper could serialise: only {@link #reveal()}, called where the header is built, gives the value.
 */
public final class Secret {
    private final char[] value;

    private Secret(char[] value) {
        this.value = value.clone();
    }

    public static Secret of(char[] value) {
        return new Secret(value);
    }

    public static Secret of(String value) {
        return new Secret(value.toCharArray());
    }

    /** The value, for the one place that sends it. */
    String reveal() {
        return new String(value);
    }

    boolean isEmpty() {
        return value.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "****";
    }
}
