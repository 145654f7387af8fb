package io.clusterdeploy.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReadCacheTest {
    private final AtomicLong now = new AtomicLong();
    private final ReadCache cache = new ReadCache(1_000, now::get);
    private final AtomicReference<List<String>> cloud = new AtomicReference<>(List.of("v001", "v002"));
    private final AtomicInteger renders = new AtomicInteger();

    private ReadCache.Entry read() {
        // A fresh list each time, as a provider builds its answer anew: equal by value, not the same object.
        return cache.get("clusters", () -> List.copyOf(cloud.get()), names -> {
            renders.incrementAndGet();
            return String.join(",", names);
        });
    }

    @Test
    void aChangeThatLeavesTheReadEqualKeepsTheBodyAndRendersNothing() {
        ReadCache.Entry first = read();
        cache.changed(); // e.g. another application's operation step
        ReadCache.Entry second = read();
        assertEquals(first.etag(), second.etag());
        assertEquals("v001,v002", second.json());
        assertEquals(1, renders.get());
    }

    @Test
    void aChangedReadIsRenderedAnewWithAnotherEtag() {
        ReadCache.Entry first = read();
        cloud.set(List.of("v001", "v002", "v003"));
        cache.changed();
        ReadCache.Entry second = read();
        assertEquals("v001,v002,v003", second.json());
        assertNotEquals(first.etag(), second.etag());
        assertEquals(2, renders.get());
    }

    @Test
    void withoutAKnownChangeTheCachedBodyIsServedEvenWhenTheCloudChanged() {
        ReadCache.Entry first = read();
        cloud.set(List.of("v003"));
        assertEquals(first.json(), read().json()); // young: not read again
        assertEquals(1, renders.get());
    }

    @Test
    void anOldBodyIsMadeAgainInTheBackgroundAndOnlyRenderedWhenTheReadDiffers() throws Exception {
        read();
        now.addAndGet(2_000);
        read(); // old: refreshed in the background, the same read
        awaitRefreshed();
        assertEquals(1, renders.get());
        cloud.set(List.of("v003"));
        now.addAndGet(2_000);
        read();
        for (int i = 0; i < 500 && !read().json().equals("v003"); i++) {
            Thread.sleep(10);
        }
        assertEquals("v003", read().json());
        assertEquals(2, renders.get());
    }

    /** The background refresh has stored its entry: the next read is young again and starts none. */
    private void awaitRefreshed() throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (read().madeAtNanos() == now.get()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the old body was not made again");
    }
}
