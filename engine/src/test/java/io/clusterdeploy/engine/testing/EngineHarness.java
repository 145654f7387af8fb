package io.clusterdeploy.engine.testing;

import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.catalog.OperationCatalog;
import io.clusterdeploy.engine.guard.GuardedCloudProvider;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.operation.InMemoryOperationStore;
import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.plan.Planner;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.CloudProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A runner over one provider with a short poll interval, for tests. */
public final class EngineHarness implements AutoCloseable {
    public final Accounts accounts;
    public final InMemoryOperationStore store = new InMemoryOperationStore();
    public final OperationRunner runner;

    public final TrafficGuards guards;
    private final MetricSources sources;
    /** Plans over the same provider and guards, as the Engine builds it. */
    public final Planner planner;
    /** Rolling red/black hooks: {@code {"fail": N}} fails at N%, anything else passes and is recorded. */
    public final java.util.List<Integer> validatedAt = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Runs inside every hook call, with the new group and the percentage: a test's way to act at that moment. */
    public volatile java.util.function.BiConsumer<String, Integer> duringValidation = (group, pct) -> { };

    public EngineHarness(CloudProvider provider) {
        this(provider, TrafficGuards.none());
    }

    /** As the Engine does: every provider behind the traffic guards. */
    public EngineHarness(CloudProvider provider, TrafficGuards guards) {
        this(provider, guards, MetricSources.none());
    }

    /** With metric sources, for canaries. */
    public EngineHarness(CloudProvider provider, TrafficGuards guards, MetricSources sources) {
        this.guards = guards;
        this.sources = sources;
        this.accounts = new Accounts(List.of(new GuardedCloudProvider(provider, guards)));
        this.runner = newRunner();
        this.planner = new Planner(new Accounts(List.of(provider)), guards, catalog(), Clock.systemUTC());
    }

    /** A second runner over the same accounts and store: what a restarted server would build. */
    public OperationRunner newRunner() {
        return new OperationRunner(accounts, store, catalog(),
                new OperationRunner.Options(Clock.systemUTC(), Duration.ofMillis(10)));
    }

    private OperationCatalog catalog() {
        return new OperationCatalog(accounts, guards, (field, settings) -> (id, group, pct) -> {
            validatedAt.add(pct);
            duringValidation.accept(group, pct);
            if (Integer.valueOf(pct).equals(settings.get("fail"))) {
                throw new IllegalStateException("error rate too high");
            }
        }, sources);
    }

    /**
     * Starts an operation and waits for it to end. The wait only bounds a hung test: a cloud simulator on a loaded
     * shared machine took over a minute for one highlander's disable step, so it must never decide a result.
     */
    public OperationState run(Map<String, Object> request) throws InterruptedException {
        OperationState started = runner.start(request);
        return runner.awaitFinished(started.id(), Duration.ofMinutes(5));
    }

    @Override
    public void close() {
        runner.close();
    }
}
