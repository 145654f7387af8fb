package io.clusterdeploy.engine.operation;

import io.clusterdeploy.engine.provider.CloudProvider;
import java.util.List;
import java.util.Objects;

/**
 * A parsed, validated request turned into an ordered plan of steps. Built afresh from the stored
 * request whenever an operation resumes, so it must depend only on the request.
 *
 * @param type          operation type, by its Spinnaker stage name ({@code deploy}, {@code resize} ...)
 * @param target        where it acts
 * @param failIfBusy    refuse (409) rather than queue when another operation holds the cluster
 * @param preflight     checks the request against the cloud before anything runs (unknown server groups, bad
 *                      provider input); throws, changes nothing
 * @param steps         the main phase
 * @param rollbackSteps what undoes the main phase after a failure or a cancel; empty when nothing is to undo
 * @param locksCluster  true (the rule) when the operation queues with the other operations on its cluster; false
 *                      for one that changes nothing in the cloud and may run for long (a canary analysis waiting
 *                      for its window), which must never hold up a rollback of the very cluster it watches
 */
public record Operation(String type, OperationTarget target, boolean failIfBusy, Preflight preflight,
                        List<OperationStep> steps, List<OperationStep> rollbackSteps, boolean locksCluster) {

    /** A check against the cloud that changes nothing. */
    @FunctionalInterface
    public interface Preflight {
        void check(CloudProvider provider);

        Preflight NONE = provider -> { };
    }

    public Operation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(preflight, "preflight");
        steps = List.copyOf(steps);
        rollbackSteps = List.copyOf(rollbackSteps);
    }

    /** An operation that queues with the others on its cluster. */
    public Operation(String type, OperationTarget target, boolean failIfBusy, Preflight preflight,
                     List<OperationStep> steps, List<OperationStep> rollbackSteps) {
        this(type, target, failIfBusy, preflight, steps, rollbackSteps, true);
    }

    /** An operation that changes nothing in the cloud and so takes no place in its cluster's queue. */
    public static Operation readOnly(String type, OperationTarget target, Preflight preflight,
                                     List<OperationStep> steps) {
        return new Operation(type, target, false, preflight, steps, List.of(), false);
    }

    /** An operation without rollback steps that queues when its cluster is busy. */
    public static Operation of(String type, OperationTarget target, Preflight preflight, List<OperationStep> steps) {
        return new Operation(type, target, false, preflight, steps, List.of());
    }

    public Operation withFailIfBusy(boolean value) {
        return new Operation(type, target, value, preflight, steps, rollbackSteps, locksCluster);
    }

    /** The key of the queue it joins: its cluster's, or one of its own when it takes no place in that queue. */
    public String lockKey(String operationId) {
        return locksCluster ? target.lockKey() : "read-only/" + operationId;
    }

    public void preflight(CloudProvider provider) {
        preflight.check(provider);
    }
}
