package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A server group's per-second traffic counters, written by the load balancers' event loops on every
 * answer without a lock: a ring of {@link #RETENTION_SECONDS} slots, each holding the counters of the
 * one second it was last written in (made by the first answer of that second, swapped in by
 * compare-and-set), so that a second without traffic costs nothing and a reader tells it from a
 * second that was overwritten by its timestamp. Counters are ints: no group answers 2^31 requests a
 * second.
 */
final class TrafficRecorder {
    /** Two hours of seconds. */
    static final int RETENTION_SECONDS = 7200;
    /** The longest range one read may ask for. */
    static final Duration MAX_READ = Duration.ofDays(1);

    private static final int REQUESTS = 0;
    private static final int SERVER_ERRORS = 1;
    private static final int CONNECTION_ERRORS = 2;
    private static final int FIRST_BUCKET = 3;

    private final AtomicReferenceArray<Second> ring = new AtomicReferenceArray<>(RETENTION_SECONDS);
    private final long startedSecond;

    /** @param startedSecond the epoch second from which this group's traffic is recorded */
    TrafficRecorder(long startedSecond) {
        this.startedSecond = startedSecond;
    }

    /** One answer that ended in {@code epochSecond}. */
    void answered(long epochSecond, int status, long latencyNanos) {
        Second s = slot(epochSecond);
        if (s == null) {
            return;
        }
        s.counts.getAndIncrement(REQUESTS);
        if (status >= 500) {
            s.counts.getAndIncrement(SERVER_ERRORS);
        }
        s.counts.getAndIncrement(FIRST_BUCKET + LatencyBuckets.index(latencyNanos / 1000));
    }

    /** One failed attempt to reach an instance. */
    void connectionError(long epochSecond) {
        Second s = slot(epochSecond);
        if (s != null) {
            s.counts.getAndIncrement(CONNECTION_ERRORS);
        }
    }

    private Second slot(long epochSecond) {
        int i = (int) Math.floorMod(epochSecond, (long) RETENTION_SECONDS);
        while (true) {
            Second s = ring.get(i);
            if (s != null && s.epochSecond == epochSecond) {
                return s;
            }
            if (s != null && s.epochSecond > epochSecond) {
                return null; // a late write for a second whose slot is already reused: dropped, never misfiled
            }
            Second fresh = new Second(epochSecond);
            if (ring.compareAndSet(i, s, fresh)) {
                return fresh;
            }
        }
    }

    /**
     * Every whole second of {@code [from, to)}; a second is recorded when it is over, not older than the
     * retention and not before recording started.
     */
    TrafficStatistics read(String group, Instant from, Instant to, Instant now) {
        if (from == null) {
            throw ClusterDeployException.invalid("from", "from is required");
        }
        if (to == null) {
            throw ClusterDeployException.invalid("to", "to is required");
        }
        if (to.isBefore(from)) {
            throw ClusterDeployException.invalid("to", "to (" + to + ") is before from (" + from + ")");
        }
        if (Duration.between(from, to).compareTo(MAX_READ) > 0) {
            throw ClusterDeployException.invalid("to", "at most " + MAX_READ.toHours() + " hours of statistics can be"
                    + " read at once, asked for " + Duration.between(from, to));
        }
        long first = from.getEpochSecond();
        long end = to.getEpochSecond();
        long current = now.getEpochSecond();
        List<TrafficPoint> points = new ArrayList<>((int) (end - first));
        for (long sec = first; sec < end; sec++) {
            boolean recorded = recorded(sec, current);
            long[] histogram = new long[LatencyBuckets.COUNT];
            long requests = 0;
            long serverErrors = 0;
            long connectionErrors = 0;
            if (recorded) {
                Second s = ring.get((int) Math.floorMod(sec, (long) RETENTION_SECONDS));
                if (s != null && s.epochSecond == sec) {
                    requests = s.counts.get(REQUESTS);
                    serverErrors = s.counts.get(SERVER_ERRORS);
                    connectionErrors = s.counts.get(CONNECTION_ERRORS);
                    for (int b = 0; b < histogram.length; b++) {
                        histogram[b] = s.counts.get(FIRST_BUCKET + b);
                    }
                }
            }
            points.add(new TrafficPoint(Instant.ofEpochSecond(sec), recorded, requests, serverErrors, connectionErrors,
                    histogram));
        }
        return new TrafficStatistics(group, Instant.ofEpochSecond(first), Instant.ofEpochSecond(end), points);
    }

    /** Whether {@code second} is one this recorder has a record of, {@code currentSecond} being the one under way. */
    boolean recorded(long second, long currentSecond) {
        return second >= startedSecond && second < currentSecond && second > currentSecond - RETENTION_SECONDS;
    }

    /**
     * Adds second {@code second} to {@code total} when it is {@link #recorded}; false (and nothing added)
     * when it is not. Reads in place, without copying the second's counters.
     */
    boolean addTo(long second, long currentSecond, TrafficTotal total) {
        if (!recorded(second, currentSecond)) {
            return false;
        }
        Second s = ring.get((int) Math.floorMod(second, (long) RETENTION_SECONDS));
        if (s != null && s.epochSecond == second) {
            total.add(s.counts.get(REQUESTS), s.counts.get(SERVER_ERRORS), s.counts.get(CONNECTION_ERRORS));
            for (int b = 0; b < LatencyBuckets.COUNT; b++) {
                int c = s.counts.get(FIRST_BUCKET + b);
                if (c != 0) {
                    total.addLatencies(b, c);
                }
            }
        }
        return true;
    }

    private static final class Second {
        final long epochSecond;
        final AtomicIntegerArray counts = new AtomicIntegerArray(FIRST_BUCKET + LatencyBuckets.COUNT);

        Second(long epochSecond) {
            this.epochSecond = epochSecond;
        }
    }
}
