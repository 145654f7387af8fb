package io.clusterdeploy.engine.operation;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One fair permit per cluster: operations on a cluster run one after the other, in the order
 * they asked; operations on different clusters run in parallel. Permits are not tied to threads,
 * so {@code start} can take one on behalf of the operation's thread.
 */
final class ClusterLocks {
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
    private final Map<String, String> holders = new ConcurrentHashMap<>();

    private Semaphore permit(String key) {
        return permits.computeIfAbsent(key, k -> new Semaphore(1, true));
    }

    /** Takes the permit now or fails with 409 naming the operation that holds it. */
    void acquireNow(String key, String operationId) {
        if (!permit(key).tryAcquire()) {
            String holder = holders.get(key);
            throw ClusterDeployException.conflict("failIfBusy", "cluster " + key + " is busy with operation "
                    + (holder == null ? "another operation" : holder));
        }
        holders.put(key, operationId);
    }

    /** Waits for the permit (operations queue up behind each other). */
    void acquire(String key, String operationId) throws InterruptedException {
        permit(key).acquire();
        holders.put(key, operationId);
    }

    void release(String key) {
        holders.remove(key);
        permit(key).release();
    }

    /** Id of the operation holding the cluster, or null. */
    String holder(String key) {
        return holders.get(key);
    }
}
