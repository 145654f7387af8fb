package io.clusterdeploy.engine.operation;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * One queue per cluster: operations on a cluster run one after the other, in the order they
 * were accepted; operations on different clusters run in parallel. An operation joins its queue
 * when it is accepted (on the caller's thread), so "busy" is decided without racing the
 * operation's own thread.
 */
final class ClusterLocks {
    private final Map<String, LinkedHashSet<String>> queues = new HashMap<>();

    /** Joins the queue, or with {@code failIfBusy} fails with 409 naming the operation ahead. */
    synchronized void enqueue(String key, String operationId, boolean failIfBusy) {
        LinkedHashSet<String> queue = queues.computeIfAbsent(key, k -> new LinkedHashSet<>());
        if (failIfBusy && !queue.isEmpty()) {
            throw ClusterDeployException.conflict("failIfBusy", "cluster " + key + " is busy with operation "
                    + queue.iterator().next());
        }
        queue.add(operationId);
    }

    /** Waits until every operation accepted before this one has ended. */
    synchronized void awaitTurn(String key, String operationId) throws InterruptedException {
        while (!operationId.equals(holder(key))) {
            wait();
        }
    }

    synchronized void release(String key, String operationId) {
        LinkedHashSet<String> queue = queues.get(key);
        if (queue != null) {
            queue.remove(operationId);
            if (queue.isEmpty()) {
                queues.remove(key);
            }
        }
        notifyAll();
    }

    /** Id of the operation running on the cluster, or null. */
    synchronized String holder(String key) {
        LinkedHashSet<String> queue = queues.get(key);
        return queue == null || queue.isEmpty() ? null : queue.iterator().next();
    }
}
