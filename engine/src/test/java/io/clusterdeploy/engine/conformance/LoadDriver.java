package io.clusterdeploy.engine.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Steady load from a few client threads, counting every request and failure, and which versions
 * answered in each named phase ("before", "during", "after"): a request counts in a phase only if
 * it started and ended in it. Bounded: it stops by itself after
 * {@code maxDuration} even if nobody stops it.
 */
public final class LoadDriver implements AutoCloseable {
    private final Supplier<TrafficProbe.Answer> probe;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong requests = new AtomicLong();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicReference<String> phase = new AtomicReference<>("before");
    private final Map<String, Set<String>> versionsByPhase = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> requestsByPhase = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final long started = System.nanoTime();
    private final Queue<Timed> answers = new ConcurrentLinkedQueue<>();

    /** One answer and when it came back, for asking what happened during a window (a canary's analysis). */
    public record Timed(java.time.Instant at, boolean ok, String version, String detail) {
    }

    public LoadDriver(Supplier<TrafficProbe.Answer> probe, int clients, Duration maxDuration) {
        this.probe = probe;
        long deadline = System.nanoTime() + maxDuration.toNanos();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                while (running.get() && System.nanoTime() < deadline) {
                    String start = phase.get();
                    TrafficProbe.Answer a = probe.get();
                    answers.add(new Timed(java.time.Instant.now(), a.ok(), a.version(), a.detail()));
                    // A request that spans a phase change belongs to neither phase.
                    String end = phase.get();
                    String p = start.equals(end) ? start : start + "->" + end;
                    requests.incrementAndGet();
                    requestsByPhase.computeIfAbsent(p, k -> new AtomicLong()).incrementAndGet();
                    if (!a.ok()) {
                        failures.add(p + ": " + a.detail());
                    } else if (a.version() != null) {
                        versionsByPhase.computeIfAbsent(p, k -> ConcurrentHashMap.newKeySet()).add(a.version());
                    }
                }
            }, "load-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Requests started from now on count under {@code name}. */
    public void phase(String name) {
        phase.set(name);
    }

    /** Blocks until at least {@code n} more requests were sent in the current phase (bounded). */
    public void awaitRequestsInPhase(long n, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (requestsByPhase.getOrDefault(phase.get(), new AtomicLong()).get() < n && System.nanoTime() < end
                && running.get()) {
            Thread.sleep(10);
        }
    }

    public long requests() {
        return requests.get();
    }

    /** Every answer so far, in the order they came back. */
    public List<Timed> answers() {
        return List.copyOf(answers);
    }

    /** The answers that came back from {@code from} (inclusive) to {@code to} (exclusive). */
    public List<Timed> between(java.time.Instant from, java.time.Instant to) {
        return answers.stream().filter(a -> !a.at().isBefore(from) && a.at().isBefore(to)).toList();
    }

    /** Blocks until at least {@code n} answers came back after {@code since} (bounded). */
    public void awaitAnswersAfter(java.time.Instant since, int n, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (between(since, java.time.Instant.MAX).size() < n && System.nanoTime() < end && running.get()) {
            Thread.sleep(10);
        }
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public Set<String> versions(String phaseName) {
        return new TreeSet<>(versionsByPhase.getOrDefault(phaseName, Set.of()));
    }

    public long requestsIn(String phaseName) {
        return requestsByPhase.getOrDefault(phaseName, new AtomicLong()).get();
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** One line with the figures, for the test log and docs/reliability.md. */
    public String summary(String what) {
        return String.format("LOAD %s: %d requests, %d failed, %.1f s", what, requests(), failures().size(),
                elapsed().toMillis() / 1000.0);
    }

    /** Stops the clients and waits for their last requests. */
    @Override
    public void close() {
        running.set(false);
        for (Thread t : threads) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
