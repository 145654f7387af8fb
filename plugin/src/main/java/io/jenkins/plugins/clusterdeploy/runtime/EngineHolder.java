package io.jenkins.plugins.clusterdeploy.runtime;

import io.clusterdeploy.engine.Engine;
import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.metricsource.MetricSourceTypes;
import io.jenkins.plugins.clusterdeploy.credentials.SecretScrubber;
import io.clusterdeploy.engine.deploy.ValidationHooks;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.operation.OperationStore;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.ProviderTypes;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.jenkins.plugins.clusterdeploy.config.EngineSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one engine of a controller, rebuilt when the configuration changes what it is made of. A rebuild stops the
 * operation threads (unfinished operations stay RUNNING in the store), reuses the providers of unchanged accounts,
 * and resumes every unfinished operation whose account still runs. Jenkins-free: {@link EngineService} feeds it.
 */
public final class EngineHolder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EngineHolder.class.getName());

    private final ProviderPool pool;
    private final MetricSourceTypes metricTypes;
    private final SecretResolver secrets;
    private MetricSources metricSources = MetricSources.none();
    private String metricSourcesProblem;
    private final OperationStore store;
    private final ValidationHooks hooks;
    private final OperationRunner.Options options;
    private Engine engine;
    private Object engineKey;
    private boolean closed;

    public EngineHolder(ProviderTypes types, SecretResolver secrets, OperationStore store, ValidationHooks hooks,
                        OperationRunner.Options options) {
        this(types, new MetricSourceTypes(java.util.List.of()), secrets, store, hooks, options);
    }

    /** @param metricTypes the metric source types the configuration's metric sources are built with */
    public EngineHolder(ProviderTypes types, MetricSourceTypes metricTypes, SecretResolver secrets, OperationStore store,
                        ValidationHooks hooks, OperationRunner.Options options) {
        this.pool = new ProviderPool(types, secrets);
        this.metricTypes = metricTypes;
        this.secrets = secrets;
        this.store = store;
        this.hooks = hooks;
        this.options = options;
    }

    /** Makes the engine match {@code spec}; nothing happens when what the engine is made of did not change. */
    public synchronized void apply(EngineSpec spec) {
        if (closed) {
            throw new ClusterDeployException(ErrorKind.UNAVAILABLE, null, "Cluster Deploy is shutting down");
        }
        Object key = spec.engineKey();
        if (engine != null && key.equals(engineKey)) {
            return;
        }
        if (engine != null) {
            engine.operations().close();
        }
        metricSources.close();
        List<CloudProvider> running = pool.reconcile(spec.runningAccounts());
        // Protection of the accounts that did start (one that failed to start has no provider to protect).
        Set<String> started = running.stream().map(p -> p.account().name()).collect(Collectors.toSet());
        Accounts accounts = new Accounts(running, spec.protectedAccounts().stream().filter(started::contains)
                .collect(Collectors.toSet()));
        metricSources = buildMetricSources(spec, accounts);
        engine = new Engine(accounts, new TrafficGuards(spec.runningGuards().stream()
                .filter(g -> !pool.problems().containsKey(g.account())).toList()), hooks, metricSources, store,
                new OperationRunner.Options(options.clock(), options.pollInterval(), spec.retention()));
        engineKey = key;
        resumeUnfinished(engine.operations());
    }

    /**
     * The configured metric sources, or none when they cannot be built (the accounts still run; a canary analysis
     * then says no source of its type is configured, and {@link #metricSourcesProblem} why).
     */
    private MetricSources buildMetricSources(EngineSpec spec, Accounts accounts) {
        SecretScrubber scrubber = new SecretScrubber(secrets);
        try {
            metricSourcesProblem = null;
            return metricTypes.build("metricSources", spec.metricSources(), accounts, scrubber);
        } catch (RuntimeException e) {
            metricSourcesProblem = scrubber.scrub(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            LOG.log(Level.WARNING, "Cluster Deploy metric sources could not be started: {0}", metricSourcesProblem);
            return MetricSources.none();
        } finally {
            scrubber.forget();
        }
    }

    /** Why the configured metric sources do not run, or null. */
    public synchronized String metricSourcesProblem() {
        return metricSourcesProblem;
    }

    /** Resumes what the store says is unfinished, through the engine's one resume path. */
    private static void resumeUnfinished(OperationRunner runner) {
        int resumed = runner.resumeAll();
        if (resumed > 0) {
            LOG.log(Level.INFO, "resumed {0} Cluster Deploy operation(s)", resumed);
        }
        for (String why : runner.notResumed()) {
            LOG.log(Level.WARNING, "Cluster Deploy operation cannot resume now: {0}", why);
        }
    }

    public synchronized Optional<Engine> engine() {
        return Optional.ofNullable(engine);
    }

    /** The running engine's operations, or UNAVAILABLE. */
    public synchronized OperationRunner operations() {
        if (engine == null) {
            throw new ClusterDeployException(ErrorKind.UNAVAILABLE, null, closed
                    ? "Cluster Deploy is shutting down" : "the Cluster Deploy engine is not running");
        }
        return engine.operations();
    }

    /** The running engine's planner, or UNAVAILABLE. */
    public synchronized io.clusterdeploy.engine.plan.Planner planner() {
        if (engine == null) {
            throw new ClusterDeployException(ErrorKind.UNAVAILABLE, null, closed
                    ? "Cluster Deploy is shutting down" : "the Cluster Deploy engine is not running");
        }
        return engine.planner();
    }

    /** Why enabled accounts are not running, by account name. */
    public Map<String, String> problems() {
        return pool.problems();
    }

    /** Stops the operation threads (operations stay resumable), then every provider. */
    @Override
    public synchronized void close() {
        closed = true;
        if (engine != null) {
            engine.operations().close();
            engine = null;
        }
        metricSources.close();
        pool.close();
    }
}
