package io.clusterdeploy.engine.operation;

import java.time.Duration;

/** A cancel flag that also wakes sleeping steps; waits for the cloud wake on its changes too. */
final class CancelSignal {
    private final CloudChanges changes;
    private volatile boolean cancelled;

    CancelSignal(CloudChanges changes) {
        this.changes = changes;
    }

    /** For phases that are never cancelled (rollback) and for plans. */
    CancelSignal() {
        this(new CloudChanges());
    }

    void cancel() {
        cancelled = true;
        changes.changed(); // wakes this operation's wait (and, harmlessly, any other: they look again)
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** The cloud's change counter now: pass it to {@link #awaitChange} after checking a condition. */
    long generation() {
        return changes.generation();
    }

    /** Sleeps up to {@code d}, waking early on a cancel. */
    void await(Duration d) throws InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        while (!cancelled) {
            long seen = changes.generation();
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            changes.awaitChange(seen, left);
        }
    }

    /** Waits up to {@code d} for a cancel or for the cloud to change since {@code seen}. */
    void awaitChange(long seen, Duration d) throws InterruptedException {
        if (!cancelled) {
            changes.awaitChange(seen, d.toNanos());
        }
    }
}
