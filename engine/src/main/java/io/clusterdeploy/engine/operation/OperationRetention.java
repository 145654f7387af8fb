package io.clusterdeploy.engine.operation;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How long finished operations are kept: at most {@code keepFinished} of them, none ended longer ago than
 * {@code keepFor}. Running operations are never pruned, whatever their age.
 *
 * @param keepFinished how many finished operations to keep, newest first (1 or more)
 * @param keepFor      how long after its last change a finished operation is kept
 */
public record OperationRetention(int keepFinished, Duration keepFor) {
    /** The default: the last 1,000 finished operations, at most 30 days old. */
    public static final OperationRetention DEFAULT = new OperationRetention(1_000, Duration.ofDays(30));

    public OperationRetention {
        if (keepFinished < 1) {
            throw ClusterDeployException.invalid("keepFinished", "keepFinished must be at least 1, was " + keepFinished);
        }
        if (keepFor == null || keepFor.isNegative() || keepFor.isZero()) {
            throw ClusterDeployException.invalid("keepFor", "keepFor must be a positive duration");
        }
    }

    /** The finished operations of {@code newestFirst} this rule removes at {@code now}. */
    List<String> toPrune(List<OperationSummary> newestFirst, Instant now) {
        List<String> out = new ArrayList<>();
        int kept = 0;
        Instant oldest = now.minus(keepFor);
        for (OperationSummary s : newestFirst) {
            if (!s.status().isFinished()) {
                continue;
            }
            if (kept < keepFinished && !s.updatedAt().isBefore(oldest)) {
                kept++;
            } else {
                out.add(s.id());
            }
        }
        return out;
    }
}
