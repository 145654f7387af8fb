package io.clusterdeploy.bench;

import io.clusterdeploy.engine.Engine;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.DirectoryOperationStore;
import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStore;
import io.clusterdeploy.engine.operation.OperationSummary;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.operation.StepRecord;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import io.clusterdeploy.provider.local.LocalProvider;
import io.clusterdeploy.provider.local.LocalProviderFactory;
import io.clusterdeploy.sample.HelloApp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The process bench/deploy-overhead.sh runs (issue 14's deploy overhead). Each run pairs, back to back:
 * <ol>
 *   <li><b>first healthy answer</b>: the sample app started directly (the same command the deploys run),
 *   its health URL probed every 10 ms from the moment the process is started until it answers 200;</li>
 *   <li><b>red/black deploy</b>: one red/black deploy of that app (capacity 1, behind load balancer
 *   {@code hello}) through the engine as the standalone server assembles it (the directory operation store,
 *   traffic guards, the local provider with its default settings), from {@code OperationRunner.start} until
 *   the operation's finished state is saved; then its previous group, disabled by it, is destroyed outside the
 *   measurement so that the machine does not fill with processes.</li>
 * </ol>
 * During each deploy this host also probes the deploy's own instance every 10 ms from the moment the provider
 * lists it, which gives the reference for that very process: its launch to its first healthy answer.
 * JVM start-up on a loaded machine swings by a factor of two from one process to the next; the paired ratio
 * (deploy / its own instance's first healthy answer) is free of that. The order within a pair flips every run. Prints each run, each step's share of the deploy, the medians and
 * the ratio; and per run a timeline ({@link DeployTimeline}: every operation save, the provider's mutations, the
 * launch, the provider's health change, the first healthy answer) with a breakdown of the time beside the
 * instance's start-up: before the launch, the provider's lag behind this host's probe, the gate's wake-up, and
 * from the gate's end to the finished state, each with the saves and provider calls in it. Arguments: work
 * directory, runs, then the app's extra flags.
 */
public final class DeployOverheadHost {
    private static final Duration PROBE_EVERY = Duration.ofMillis(10);
    private static final Duration RUNNER_POLL = Duration.ofMillis(200); // the standalone server's

    private DeployOverheadHost() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        List<String> extra = List.of(args).subList(2, args.length);
        LocalProvider provider = (LocalProvider) new LocalProviderFactory().create("bench",
                Map.of("stateDir", work.resolve("local").toString()), SecretResolver.NONE);
        Map<String, CompletableFuture<OperationState>> finished = new ConcurrentHashMap<>();
        AtomicReference<DeployTimeline> timeline = new AtomicReference<>();
        // Subscribed before the engine, so this listener runs first on the health-check thread: the moment the
        // provider saw the change, before the runner's listener wakes the gate.
        provider.subscribe(() -> {
            DeployTimeline t = timeline.get();
            if (t != null) {
                t.moment("provider: health change", t.at(System.nanoTime()));
            }
        });
        TimedStore store = new TimedStore(new DirectoryOperationStore(work.resolve("operations")), timeline);
        try (Engine engine = new Engine(new Accounts(List.of(TimingProvider.of(provider, timeline))),
                TrafficGuards.none(), store,
                new OperationRunner.Options(Clock.systemUTC(), RUNNER_POLL))) {
            engine.operations().addListener(s -> {
                DeployTimeline t = timeline.get();
                // The gate's end as the runner shows it: it is stored with the next save, which may be the success.
                if (t != null && s.steps().stream().anyMatch(st -> st.name().equals("waitForHealthy")
                        && st.status() == io.clusterdeploy.engine.operation.StepStatus.SUCCEEDED)) {
                    t.momentOnce("gate step ended", t.at(System.nanoTime()));
                }
                if (s.status().isFinished()) {
                    finished.computeIfAbsent(s.id(), id -> new CompletableFuture<>()).complete(s);
                }
            });
            provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("hello", "local",
                    Map.of("port", freePort())));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            // Warm-up, not measured: the engine's and the provider's classes, the first group of the cluster.
            deploy(engine, provider, http, store, timeline, finished, extra, 0);
            firstHealthy(http, extra);
            List<Double> healthy = new ArrayList<>();
            List<Double> deploys = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            List<Double> own = new ArrayList<>();
            List<Double> ownRatios = new ArrayList<>();
            Map<String, List<Double>> steps = new java.util.LinkedHashMap<>();
            Map<String, List<Double>> segments = new java.util.LinkedHashMap<>();
            for (int run = 1; run <= runs; run++) {
                double h;
                Timed d;
                if (run % 2 == 1) {
                    h = firstHealthy(http, extra);
                    d = deploy(engine, provider, http, store, timeline, finished, extra, run);
                } else {
                    d = deploy(engine, provider, http, store, timeline, finished, extra, run);
                    h = firstHealthy(http, extra);
                }
                // The groups the deploy disabled: destroyed between runs, outside both measurements.
                for (ServerGroup g : provider.serverGroups("hello")) {
                    if (!g.name().equals(d.newGroup())) {
                        provider.destroy("local", g.name());
                    }
                }
                healthy.add(h);
                deploys.add(d.millis());
                ratios.add(d.millis() / h);
                own.add(d.ownHealthy());
                ownRatios.add(d.millis() / d.ownHealthy());
                d.steps().forEach((k, v) -> steps.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                d.segments().forEach((k, v) -> segments.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                System.out.printf("run %d: started directly, first healthy answer %6.1f ms; red/black deploy %6.1f ms"
                        + " (%.2f×); its own instance's first healthy answer %6.1f ms after launch (deploy %.2f×);"
                        + " steps: %s%n", run, h, d.millis(), d.millis() / h, d.ownHealthy(), d.millis() / d.ownHealthy(),
                        format(d.steps()));
                System.out.println("  timeline (ms from start): " + d.timeline());
                System.out.println("  where the deploy's time goes: " + format(d.segments()));
                System.out.flush();
            }
            System.out.printf("medians: started directly, first healthy answer %.1f ms; red/black deploy %.1f ms;"
                    + " deploy / first healthy %.2f (median of the per-run ratios %.2f)%n", median(healthy),
                    median(deploys), median(deploys) / median(healthy), median(ratios));
            System.out.printf("paired: the deploy's own instance, first healthy answer %.1f ms after launch (median);"
                    + " deploy / its own instance's first healthy answer: %s (median %.2f)%n", median(own),
                    ownRatios.stream().map(r -> String.format("%.2f", r)).toList(), median(ownRatios));
            Map<String, Double> medianSteps = new java.util.LinkedHashMap<>();
            steps.forEach((k, v) -> medianSteps.put(k, median(v)));
            System.out.println("median step durations: " + format(medianSteps));
            Map<String, Double> medianSegments = new java.util.LinkedHashMap<>();
            segments.forEach((k, v) -> medianSegments.put(k, median(v)));
            System.out.println("median breakdown: " + format(medianSegments));
        } finally {
            provider.close();
        }
    }

    /** The store the engine uses, counting its saves and the time they take (each one is forced to disk). */
    static final class TimedStore implements OperationStore {
        private final OperationStore delegate;
        private final AtomicReference<DeployTimeline> timeline;
        final AtomicLong saves = new AtomicLong();
        final AtomicLong nanos = new AtomicLong();
        private volatile OperationState previous;

        TimedStore(OperationStore delegate, AtomicReference<DeployTimeline> timeline) {
            this.delegate = delegate;
            this.timeline = timeline;
        }

        void reset() {
            saves.set(0);
            nanos.set(0);
            previous = null;
        }

        @Override
        public void saveUnforced(OperationState state) {
            timed(state, true);
        }

        @Override
        public void save(OperationState state) {
            timed(state, false);
        }

        private void timed(OperationState state, boolean unforced) {
            long t0 = System.nanoTime();
            if (unforced) {
                delegate.saveUnforced(state);
            } else {
                delegate.save(state);
            }
            long t1 = System.nanoTime();
            nanos.addAndGet(t1 - t0);
            saves.incrementAndGet();
            DeployTimeline t = timeline.get();
            if (t != null) {
                t.span("save " + label(previous, state) + (unforced ? " (unforced)" : ""), t0, t1);
            }
            previous = state;
        }

        /** What a save records: the acceptance, a step's start (with the previous one's end), a checkpoint, the end. */
        private static String label(OperationState before, OperationState s) {
            StepRecord last = s.steps().isEmpty() ? null : s.steps().get(s.steps().size() - 1);
            if (before == null) {
                return last == null ? "accepted" : "accepted, " + last.name() + " started";
            }
            if (s.status().isFinished() || last == null) {
                return s.status().isFinished() && last != null ? "finished (" + last.name() + " ended)" : "" + s.status();
            }
            if (before.steps().size() == s.steps().size()) {
                return "checkpoint in " + last.name();
            }
            return (s.steps().size() > 1 ? s.steps().get(s.steps().size() - 2).name() + " ended, " : "")
                    + last.name() + " started";
        }

        @Override
        public Optional<OperationState> load(String id) {
            return delegate.load(id);
        }

        @Override
        public List<OperationSummary> summaries() {
            return delegate.summaries();
        }

        @Override
        public List<OperationSummary> summaries(String application, int limit) {
            return delegate.summaries(application, limit);
        }

        @Override
        public void delete(String id) {
            delegate.delete(id);
        }

        @Override
        public void setAside(String id, String reason) {
            delegate.setAside(id, reason);
        }

        @Override
        public List<String> problems() {
            return delegate.problems();
        }
    }

    record Timed(double millis, double ownHealthy, String newGroup, Map<String, Double> steps, String timeline,
                 Map<String, Double> segments) {
    }

    /** One red/black deploy of capacity 1; its wall time from start to the saved finished state. */
    private static Timed deploy(Engine engine, LocalProvider provider, HttpClient http, TimedStore store,
                                AtomicReference<DeployTimeline> timeline,
                                Map<String, CompletableFuture<OperationState>> finished,
                                List<String> extra, int run) throws Exception {
        store.reset();
        Map<String, Object> request = new HashMap<>(Map.of("type", "deploy", "account", "bench",
                "application", "hello", "strategy", "redblack", "capacity", Map.of("min", 1, "desired", 1, "max", 1),
                "loadBalancers", List.of("hello"), "spec", Map.of("command", command(extra, "v" + run))));
        List<String> before = provider.serverGroups("hello").stream().map(ServerGroup::name).toList();
        DeployTimeline t = new DeployTimeline();
        timeline.set(t);
        long t0 = System.nanoTime();
        OperationState started = engine.operations().start(request);
        CompletableFuture<OperationState> done = finished.computeIfAbsent(started.id(), id -> new CompletableFuture<>());
        double ownHealthy = ownFirstHealthy(provider, http, before, done, t);
        OperationState end = done.get(10, TimeUnit.MINUTES);
        double millis = (System.nanoTime() - t0) / 1e6;
        t.moment("finished state seen", t.at(System.nanoTime()));
        timeline.set(null);
        if (end.status() != OperationStatus.SUCCEEDED) {
            throw new IllegalStateException("deploy " + run + " ended " + end.status() + ": " + end.error());
        }
        Map<String, Double> steps = new java.util.LinkedHashMap<>();
        double inSteps = 0;
        for (StepRecord s : end.steps()) {
            double ms = Duration.between(s.startedAt(), s.endedAt()).toNanos() / 1e6;
            steps.merge(s.name(), ms, Double::sum);
            inSteps += ms;
        }
        steps.put("outside steps", millis - inSteps);
        steps.put("operation saves " + store.saves.get() + " taking", store.nanos.get() / 1e6);
        return new Timed(millis, ownHealthy, String.valueOf(end.context().get("newServerGroup")), steps, t.line(),
                segments(t, millis));
    }

    /**
     * The deploy's own instance, probed every 10 ms by this thread as soon as the provider lists it: milliseconds
     * from its launch (as the provider records it) to its first healthy answer. The same process at the same
     * moment as the deploy, so the machine's swings in start-up time cancel in the ratio.
     */
    private static double ownFirstHealthy(LocalProvider provider, HttpClient http, List<String> before,
                                          CompletableFuture<OperationState> done, DeployTimeline t) throws Exception {
        Instance instance = null;
        while (instance == null) {
            for (ServerGroup g : provider.serverGroups("hello")) {
                if (!before.contains(g.name()) && !g.instances().isEmpty()) {
                    instance = g.instances().get(0);
                }
            }
            if (done.isDone()) {
                throw new IllegalStateException("the deploy ended before its instance was seen: " + done.get());
            }
            Thread.sleep(1);
        }
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://" + instance.address() + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (true) {
            long next = System.nanoTime() + PROBE_EVERY.toNanos();
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    Instant now = Instant.now();
                    t.moment("instance launched", t.at(instance.launched()));
                    t.moment("own probe: healthy", t.at(now));
                    return Duration.between(instance.launched(), now).toNanos() / 1e6;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            long left = next - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        }
    }

    /**
     * Where the deploy's time goes beside its instance's start-up (launch to own first healthy answer): before
     * the launch, and from the first healthy answer to the finished state, split at the provider's health change
     * and the end of the gate's step; with the saves' and the provider calls' shares.
     */
    private static Map<String, Double> segments(DeployTimeline t, double millis) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        double launched = t.first("instance launched", -1e9).orElseThrow().begin();
        double healthy = t.first("own probe: healthy", -1e9).orElseThrow().begin();
        double change = t.first("provider: health change", launched).map(DeployTimeline.Mark::begin).orElse(Double.NaN);
        double gateEnd = t.first("gate step ended", launched).map(DeployTimeline.Mark::begin).orElse(Double.NaN);
        double savesBefore = 0;
        double savesAfter = 0;
        for (DeployTimeline.Mark m : t.marks()) {
            if (m.what().startsWith("save ")) {
                if (m.end() <= launched) {
                    savesBefore += m.took();
                } else if (m.begin() >= gateEnd) {
                    savesAfter += m.took();
                }
            }
        }
        double create = t.first("provider.createServerGroup", -1e9).map(DeployTimeline.Mark::begin).orElse(Double.NaN);
        out.put("start to launch", launched);
        out.put("saves before it", savesBefore);
        out.put("createServerGroup call to launch", launched - create);
        out.put("launch to own first healthy", healthy - launched);
        out.put("own first healthy to provider's health change", change - healthy);
        out.put("health change to gate step's end", gateEnd - change);
        out.put("gate step's end to finished", millis - gateEnd);
        out.put("saves in it", savesAfter);
        out.put("disable call", t.first("provider.disable", gateEnd).map(DeployTimeline.Mark::took).orElse(0.0));
        return out;
    }

    /** Starts the app directly and probes its health URL every 10 ms; milliseconds to the first 200. */
    private static double firstHealthy(HttpClient http, List<String> extra) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(command(extra, "direct"));
        Collections.replaceAll(command, "$PORT", Integer.toString(port));
        Collections.replaceAll(command, "$INSTANCE_ID", "direct");
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            while (true) {
                long next = System.nanoTime() + PROBE_EVERY.toNanos();
                try {
                    if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return (System.nanoTime() - t0) / 1e6;
                    }
                } catch (IOException e) {
                    // Not listening yet.
                }
                if (!p.isAlive()) {
                    throw new IllegalStateException("the sample app exited with " + p.exitValue());
                }
                long left = next - System.nanoTime();
                if (left > 0) {
                    TimeUnit.NANOSECONDS.sleep(left);
                }
            }
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            p.destroyForcibly().waitFor();
        }
    }

    /** The sample app as both arms run it, with the provider's placeholders. */
    private static List<String> command(List<String> extra, String version) throws Exception {
        String sampleApp = Path.of(HelloApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-cp", sampleApp,
                HelloApp.class.getName(), "--port", "$PORT", "--version", version, "--instance-id", "$INSTANCE_ID"));
        command.addAll(extra);
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(Map<String, Double> steps) {
        StringBuilder b = new StringBuilder();
        steps.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(String.format(" %.1f", v)));
        return b.toString();
    }
}
