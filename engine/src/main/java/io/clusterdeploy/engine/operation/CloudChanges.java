package io.clusterdeploy.engine.operation;

/**
 * A counter the providers bump whenever something an operation may wait for changes (an instance's health, a
 * group's capacity). Waits re-check their condition as soon as it moves, instead of only at the next poll:
 * a health gate passes within milliseconds of the instances passing theirs.
 */
final class CloudChanges {
    private long generation;

    synchronized void changed() {
        generation++;
        notifyAll();
    }

    synchronized long generation() {
        return generation;
    }

    /** Waits until the counter is past {@code seen}, or {@code nanos} passed. */
    synchronized void awaitChange(long seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (generation == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}
