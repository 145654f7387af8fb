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
 */
public record Operation(String type, OperationTarget target, boolean failIfBusy, Preflight preflight,
                        List<OperationStep> steps, List<OperationStep> rollbackSteps) {

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

    /** An operation without rollback steps that queues when its cluster is busy. */
    public static Operation of(String type, OperationTarget target, Preflight preflight, List<OperationStep> steps) {
        return new Operation(type, target, false, preflight, steps, List.of());
    }

    public Operation withFailIfBusy(boolean value) {
        return new Operation(type, target, value, preflight, steps, rollbackSteps);
    }

    public void preflight(CloudProvider provider) {
        preflight.check(provider);
    }
}
