package io.clusterdeploy.engine.api;

import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.CloudProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What counts as a change of the cluster view, in one place: every saved state of every operation and every change
 * a provider reports (an instance turning healthy, an informer event). The API's read cache goes stale on it and the
 * standalone server pushes it to open pages. Listeners run on the thread of the change and must not block.
 */
public final class ChangeFeed {
    private final AtomicLong generation = new AtomicLong();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    ChangeFeed(OperationRunner runner, Accounts accounts) {
        runner.addListener(state -> changed());
        for (CloudProvider p : accounts.providers()) {
            p.subscribe(this::changed);
        }
    }

    private void changed() {
        generation.incrementAndGet();
        for (Runnable l : listeners) {
            l.run();
        }
    }

    /** How many changes there have been: equal numbers, no change in between. */
    public long generation() {
        return generation.get();
    }

    /** Calls {@code listener} on every change until the result is closed. */
    public AutoCloseable subscribe(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
