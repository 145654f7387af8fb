package io.clusterdeploy.engine.canary.source;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.time.Duration;
import java.time.Instant;

/**
 * The analysis window and the resolution a source samples it at.
 *
 * @param start inclusive
 * @param end   inclusive; after start
 * @param step  the spacing of points, at least one second; at most 100,000 points in the window
 */
public record TimeWindow(Instant start, Instant end, Duration step) {
    public static final long MAX_POINTS = 100_000;

    public TimeWindow {
        if (start == null || end == null || !end.isAfter(start)) {
            throw ClusterDeployException.invalid("end", "the window's end must be after its start");
        }
        if (step == null || step.compareTo(Duration.ofSeconds(1)) < 0) {
            throw ClusterDeployException.invalid("step", "the step must be at least one second");
        }
        long points = Duration.between(start, end).dividedBy(step) + 1;
        if (points > MAX_POINTS) {
            throw ClusterDeployException.invalid("step",
                    "the window holds " + points + " steps of " + step + ", more than " + MAX_POINTS);
        }
    }

    /** The number of step-spaced instants from start to end. */
    public long points() {
        return Duration.between(start, end).dividedBy(step) + 1;
    }
}
