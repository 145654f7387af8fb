package io.jenkins.plugins.clusterdeploy.runtime;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.XmlFile;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.init.Terminator;
import hudson.model.Saveable;
import hudson.model.listeners.SaveableListener;
import io.clusterdeploy.engine.Engine;
import io.clusterdeploy.engine.api.ApiHandler;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.metricsource.MetricSourceTypes;
import io.clusterdeploy.engine.provider.ProviderTypes;
import io.jenkins.plugins.clusterdeploy.config.MetricSourceSettings;
import io.jenkins.plugins.clusterdeploy.account.AccountPolicy;
import io.jenkins.plugins.clusterdeploy.account.BuildOrigin;
import io.jenkins.plugins.clusterdeploy.config.ClusterDeployConfiguration;
import io.jenkins.plugins.clusterdeploy.config.EngineSpec;
import io.jenkins.plugins.clusterdeploy.credentials.CredentialsSecretResolver;
import io.jenkins.plugins.clusterdeploy.credentials.GlobalCredentialsLookup;
import io.jenkins.plugins.clusterdeploy.store.JenkinsSecretCipher;
import io.jenkins.plugins.clusterdeploy.validation.BodyValidationHooks;
import io.jenkins.plugins.clusterdeploy.validation.BodyValidations;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * The controller's Cluster Deploy engine as a Jenkins service: started once jobs are loaded (resuming unfinished
 * operations), made to match the configuration whenever it is saved, closed when Jenkins stops. Steps, builders and
 * the cluster view reach the engine through it.
 */
@Extension
public final class EngineService implements ClusterDeployRuntime {
    private static final Logger LOG = Logger.getLogger(EngineService.class.getName());
    /** How often operations re-check the cloud. */
    private static final Duration ENGINE_POLL = Duration.ofMillis(500);
    /** How long a resumed rolling deploy waits for its Pipeline step to attach its validation body again. */
    private static final Duration BODY_ATTACH_TIMEOUT = Duration.ofMinutes(10);

    private final BodyValidations validations = new BodyValidations(BODY_ATTACH_TIMEOUT);
    private EngineHolder holder;
    private EnginePaths paths;
    private AccountPolicy policy = new AccountPolicy(List.of());
    private boolean started;

    public static EngineService get() {
        return ExtensionList.lookupSingleton(EngineService.class);
    }

    @Initializer(after = InitMilestone.JOB_LOADED)
    public static void startEngine() {
        get().reconcile();
    }

    @Terminator
    public static void stopEngine() {
        get().close();
    }

    /** Makes the engine match the saved configuration. */
    public synchronized void reconcile() {
        EngineSpec spec = withCredentials(ClusterDeployConfiguration.get().toEngineSpec(paths().accountDefaults()));
        policy = new AccountPolicy(spec.accounts());
        started = true;
        try {
            holder().apply(spec);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the Cluster Deploy engine could not be started", e);
        }
    }

    /** The metric sources' credentials ids turned into what the sources take; without Prometheus when that fails. */
    private static EngineSpec withCredentials(EngineSpec spec) {
        try {
            return spec.withMetricSources(MetricSourceSettings.withCredentials(spec.metricSources(),
                    new GlobalCredentialsLookup()));
        } catch (ClusterDeployException e) {
            LOG.log(Level.WARNING, "the Prometheus metric source cannot start: {0}", e.getMessage());
            java.util.Map<String, Object> without = new java.util.LinkedHashMap<>(spec.metricSources());
            without.remove(MetricSourceSettings.PROMETHEUS);
            return spec.withMetricSources(without);
        }
    }

    private void ensureStarted() {
        synchronized (this) {
            if (started) {
                return;
            }
        }
        reconcile();
    }

    public synchronized EnginePaths paths() {
        if (paths == null) {
            paths = EnginePaths.under(Jenkins.get().getRootDir().toPath());
        }
        return paths;
    }

    private synchronized EngineHolder holder() {
        if (holder == null) {
            holder = new EngineHolder(ProviderTypes.discover(EngineService.class.getClassLoader()),
                    MetricSourceTypes.discover(EngineService.class.getClassLoader()),
                    new CredentialsSecretResolver(new GlobalCredentialsLookup()),
                    paths().operationStore(new JenkinsSecretCipher()), new BodyValidationHooks(validations),
                    new OperationRunner.Options(Clock.systemUTC(), ENGINE_POLL));
        }
        return holder;
    }

    @Override
    public OperationRunner operations() {
        ensureStarted();
        return holder().operations();
    }

    @Override
    public io.clusterdeploy.engine.plan.Planner planner() {
        ensureStarted();
        return holder().planner();
    }

    /** The API handlers of the running engine (the same ones the standalone server serves). */
    public Optional<ApiHandler> api() {
        ensureStarted();
        return holder().engine().map(Engine::api);
    }

    @Override
    public void checkAccountUse(String account, BuildOrigin origin) {
        ensureStarted();
        policy().checkUse(account, origin);
        String problem = holder().problems().get(account);
        if (problem != null) {
            throw new ClusterDeployException(ErrorKind.UNAVAILABLE, "account", "account '" + account
                    + "' could not be started: " + problem);
        }
    }

    private synchronized AccountPolicy policy() {
        return policy;
    }

    /** True when {@code account} runs processes on the controller: people need Overall/Administer to act on it. */
    public boolean runsOnController(String account) {
        ensureStarted();
        return policy().runsOnController(account);
    }

    /** One sentence on an account's state, for the configuration page. */
    public String describeAccount(String account) {
        String problem = holder().problems().get(account);
        if (problem != null) {
            return "The account could not be started: " + problem;
        }
        boolean running = holder().engine().map(e -> e.accounts().list().stream()
                .anyMatch(a -> a.name().equals(account))).orElse(false);
        return running ? "The account is running." : "The account is not running (it is disabled, or not saved yet).";
    }

    @Override
    public BodyValidations validations() {
        return validations;
    }

    public synchronized void close() {
        if (holder != null) {
            holder.close();
        }
    }

    /** Rebuilds the engine when the Cluster Deploy configuration is saved (from the form or Configuration as Code). */
    @Extension
    public static final class ConfigurationSaved extends SaveableListener {
        @Override
        public void onChange(Saveable o, XmlFile file) {
            if (o instanceof ClusterDeployConfiguration) {
                get().reconcile();
            }
        }
    }
}
