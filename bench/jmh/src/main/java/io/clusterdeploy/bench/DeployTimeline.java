package io.clusterdeploy.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The moments of one deploy, in milliseconds from its {@code OperationRunner.start}, for DeployOverheadHost's
 * breakdown of where the deploy's time goes beside its instance's start-up: every operation save, the
 * provider's calls, the instance's launch and first healthy answer, and the provider's health change.
 * Instrumentation of the bench host only; the product records none of it.
 */
final class DeployTimeline {
    /** One moment or span: {@code what}, from {@code begin} to {@code end} (equal for a moment). */
    record Mark(String what, double begin, double end) {
        double took() {
            return end - begin;
        }
    }

    private final long startNanos = System.nanoTime();
    private final Instant startWall = Instant.now();
    private final List<Mark> marks = new ArrayList<>();

    /** Milliseconds from the start to {@code nanos} (a System.nanoTime reading). */
    double at(long nanos) {
        return (nanos - startNanos) / 1e6;
    }

    /** Milliseconds from the start to a wall-clock instant (the provider's launch time). */
    double at(Instant wall) {
        return Duration.between(startWall, wall).toNanos() / 1e6;
    }

    synchronized void span(String what, long beginNanos, long endNanos) {
        marks.add(new Mark(what, at(beginNanos), at(endNanos)));
    }

    synchronized void moment(String what, double at) {
        marks.add(new Mark(what, at, at));
    }

    /** A moment recorded once: later calls with the same name change nothing. */
    synchronized void momentOnce(String what, double at) {
        if (marks.stream().noneMatch(m -> m.what().equals(what))) {
            moment(what, at);
        }
    }

    synchronized List<Mark> marks() {
        return List.copyOf(marks);
    }

    /** The first mark whose name starts with {@code prefix} and that begins at or after {@code from}. */
    synchronized Optional<Mark> first(String prefix, double from) {
        return marks.stream().filter(m -> m.what().startsWith(prefix) && m.begin() >= from).findFirst();
    }

    /** The marks in the order they began, as one line. */
    synchronized String line() {
        List<Mark> sorted = new ArrayList<>(marks);
        sorted.sort(java.util.Comparator.comparingDouble(Mark::begin));
        StringBuilder b = new StringBuilder();
        for (Mark m : sorted) {
            b.append(b.length() == 0 ? "" : "; ").append(m.what()).append(String.format(" %.1f", m.begin()));
            if (m.end() != m.begin()) {
                b.append(String.format("+%.1f", m.took()));
            }
        }
        return b.toString();
    }
}
