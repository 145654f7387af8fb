package io.clusterdeploy.engine;

import io.clusterdeploy.engine.api.ApiHandler;
import io.clusterdeploy.engine.api.ClusterDeployApi;
import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.catalog.OperationCatalog;
import io.clusterdeploy.engine.deploy.ValidationHooks;
import io.clusterdeploy.engine.guard.GuardedCloudProvider;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.operation.OperationStore;
import io.clusterdeploy.engine.plan.Planner;
import io.clusterdeploy.engine.provider.Accounts;

/**
 * The engine assembled: accounts, the operation runner, the planner and the JSON API over them. Front ends
 * (standalone server, Jenkins) build one and close it on shutdown.
 */
public final class Engine implements AutoCloseable {
    private final Accounts accounts;
    private final OperationRunner runner;
    private final Planner planner;
    private final ClusterDeployApi api;
    private final MetricSources metricSources;

    public Engine(Accounts accounts, OperationStore store, OperationRunner.Options options) {
        this(accounts, TrafficGuards.none(), store, options);
    }

    /** Every provider is wrapped so that no operation can take a guarded cluster off the air. */
    public Engine(Accounts accounts, TrafficGuards guards, OperationStore store, OperationRunner.Options options) {
        this(accounts, guards, ValidationHooks.NONE, store, options);
    }

    /** {@code hooks} runs rolling red/black's validation as this front end understands it. */
    public Engine(Accounts accounts, TrafficGuards guards, ValidationHooks hooks, OperationStore store,
                  OperationRunner.Options options) {
        this(accounts, guards, hooks, MetricSources.none(), store, options);
    }

    /**
     * {@code metricSources} answers canary analyses' metric queries (built by the front end from its settings, see
     * {@code metricsource.MetricSourceTypes}); with none, a canaryAnalysis is refused naming the metric's source.
     * The engine closes them with itself.
     */
    public Engine(Accounts accounts, TrafficGuards guards, ValidationHooks hooks, MetricSources metricSources,
                  OperationStore store, OperationRunner.Options options) {
        this.metricSources = metricSources;
        this.accounts = accounts.map(p -> new GuardedCloudProvider(p, guards));
        OperationCatalog catalog = new OperationCatalog(this.accounts, guards, hooks, metricSources);
        this.runner = new OperationRunner(this.accounts, store, catalog, options);
        this.planner = new Planner(accounts, guards, catalog, options.clock());
        this.api = new ClusterDeployApi(this.accounts, runner, planner);
    }

    public Accounts accounts() {
        return accounts;
    }

    public OperationRunner operations() {
        return runner;
    }

    /** Plans operations without acting, from the same steps the runner runs. */
    public Planner planner() {
        return planner;
    }

    public ApiHandler api() {
        return api;
    }

    /** What changes the cluster view (operations' steps, providers' notices), for pushing to open pages. */
    public io.clusterdeploy.engine.api.ChangeFeed changes() {
        return api.changes();
    }

    public MetricSources metricSources() {
        return metricSources;
    }

    /** Stops operation threads (unfinished operations stay resumable), then the metric sources and the providers. */
    @Override
    public void close() {
        runner.close();
        metricSources.close();
        accounts.close();
    }
}
