package io.clusterdeploy.engine.operation;

import java.time.Instant;
import java.util.Objects;

/**
 * What listing and retention need of a stored operation, without its request, steps or context: a store
 * keeps these in memory for every operation it holds, so that listing costs the same at 10 operations and at
 * 10,000.
 *
 * @param id        operation id
 * @param type      operation type
 * @param target    where it acts, or null for a file written before 0.2 (until it is upgraded)
 * @param status    its status when last saved
 * @param createdAt start time
 * @param updatedAt time of its last save
 */
public record OperationSummary(String id, String type, OperationTarget target, OperationStatus status,
                               Instant createdAt, Instant updatedAt) {
    public OperationSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static OperationSummary of(OperationState s) {
        return new OperationSummary(s.id(), s.type(), s.target(), s.status(), s.createdAt(),
                s.updatedAt() == null ? s.createdAt() : s.updatedAt());
    }

    /** Newest first, then by id so that the order is total. */
    public static final java.util.Comparator<OperationSummary> NEWEST_FIRST = java.util.Comparator
            .comparing(OperationSummary::createdAt).reversed().thenComparing(OperationSummary::id);

    public String application() {
        return target == null ? null : target.application();
    }
}
