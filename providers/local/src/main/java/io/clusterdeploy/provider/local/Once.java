package io.clusterdeploy.provider.local;

import java.util.function.Supplier;

/**
 * A value made by its first reader and kept: what a provider needs only once it has instances (the health
 * checks' HTTP client, the PID namespace probe) costs nothing at start-up, when a server has none yet.
 */
final class Once<T> implements Supplier<T> {
    private final Supplier<T> maker;
    private volatile T value;

    Once(Supplier<T> maker) {
        this.maker = maker;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = maker.get();
                    value = v;
                }
            }
        }
        return v;
    }

    /** The value if a reader has made it, else null: closing must not make what was never used. */
    T ifMade() {
        return value;
    }
}
