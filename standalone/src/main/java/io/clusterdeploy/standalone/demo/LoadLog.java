package io.clusterdeploy.standalone.demo;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/** The samples of the load, shared by the client threads; answers questions about time windows. */
public final class LoadLog {
    private final ConcurrentLinkedQueue<LoadSample> samples = new ConcurrentLinkedQueue<>();

    void add(LoadSample sample) {
        samples.add(sample);
    }

    public long requests() {
        return samples.size();
    }

    public long failures() {
        return samples.stream().filter(LoadSample::failed).count();
    }

    /** How often each failure reason occurred, for the report. */
    public Map<String, Long> failureReasons() {
        Map<String, Long> out = new TreeMap<>();
        samples.stream().filter(LoadSample::failed).forEach(s -> out.merge(s.error(), 1L, Long::sum));
        return out;
    }

    /** Successful answers that arrived before {@code nanos}. */
    public long successesEndedBefore(long nanos) {
        return samples.stream().filter(s -> !s.failed() && s.endNanos() < nanos).count();
    }

    /** Successful answers to requests sent after {@code nanos}. */
    public long successesStartedAfter(long nanos) {
        return samples.stream().filter(s -> !s.failed() && s.startNanos() > nanos).count();
    }

    /** Requests sent from {@code from} to {@code to} (nanoTime). */
    public long requestsStartedBetween(long from, long to) {
        return samples.stream().filter(s -> s.startNanos() >= from && s.startNanos() < to).count();
    }

    /** Failed requests sent from {@code from} to {@code to} (nanoTime). */
    public long failuresStartedBetween(long from, long to) {
        return samples.stream().filter(s -> s.failed() && s.startNanos() >= from && s.startNanos() < to).count();
    }

    /** Versions that answered requests completed before {@code nanos}, sorted. */
    public List<String> versionsEndedBefore(long nanos) {
        return versions(s -> s.endNanos() < nanos);
    }

    /** Versions that answered requests sent after {@code nanos}, sorted. */
    public List<String> versionsStartedAfter(long nanos) {
        return versions(s -> s.startNanos() > nanos);
    }

    private List<String> versions(Predicate<LoadSample> window) {
        TreeSet<String> out = new TreeSet<>();
        samples.stream().filter(window).filter(s -> s.version() != null).forEach(s -> out.add(s.version()));
        return List.copyOf(out);
    }
}
