package io.jenkins.plugins.clusterdeploy.testing;

import hudson.model.Item;
import io.clusterdeploy.engine.Engine;
import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.metricsource.MetricSourceTypes;
import io.clusterdeploy.engine.provider.ProviderTypes;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.jenkins.plugins.clusterdeploy.account.AccountDefaults;
import io.jenkins.plugins.clusterdeploy.account.AccountPolicy;
import io.jenkins.plugins.clusterdeploy.account.BuildOrigin;
import io.jenkins.plugins.clusterdeploy.config.ClusterDeployConfiguration;
import io.jenkins.plugins.clusterdeploy.config.EngineSpec;
import io.jenkins.plugins.clusterdeploy.runtime.ClusterDeployRuntime;
import io.jenkins.plugins.clusterdeploy.runtime.EngineHolder;
import io.jenkins.plugins.clusterdeploy.runtime.EnginePaths;
import io.jenkins.plugins.clusterdeploy.validation.BodyValidationHooks;
import io.jenkins.plugins.clusterdeploy.validation.BodyValidations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code EngineService} is in Jenkins, built by hand: a real engine (the providers on the test class path,
 * the real local provider among them) from a {@link ClusterDeployConfiguration}, the account policy and the
 * validation registry, over the plugin's own operation store (secrets sealed with a {@link TestCipher} in
 * {@code home/operations}). {@link #restart()} does what a Jenkins restart does to the engine. Jobs named with
 * {@link #markChangeRequest} build change requests, as the pull request jobs of a multibranch project do (in Jenkins,
 * scm-api tells; there is no multibranch project here).
 */
public final class TestRuntime implements ClusterDeployRuntime, AutoCloseable {
    private final Path home;
    private final BodyValidations validations = new BodyValidations(Duration.ofSeconds(20));
    /** Stands for the controller's key; kept across {@link #restart()}, as JENKINS_HOME/secrets is. */
    private final TestCipher cipher = new TestCipher();
    private ClusterDeployConfiguration configuration;
    private EngineHolder holder;
    private AccountPolicy policy;
    private final Set<String> changeRequests = ConcurrentHashMap.newKeySet();

    private final MetricSourceTypes metricTypes;

    public TestRuntime(Path home, ClusterDeployConfiguration configuration) {
        this(home, configuration, new MetricSourceTypes(List.of()));
    }

    /** With the metric source types the configuration's metric sources are built with. */
    public TestRuntime(Path home, ClusterDeployConfiguration configuration, MetricSourceTypes metricTypes) {
        this.home = home;
        this.metricTypes = metricTypes;
        this.configuration = configuration;
        this.holder = newHolder();
        apply(configuration);
    }

    private EngineHolder newHolder() {
        return new EngineHolder(ProviderTypes.discover(getClass().getClassLoader()), metricTypes, SecretResolver.NONE,
                new EnginePaths(home).operationStore(cipher), new BodyValidationHooks(validations),
                new OperationRunner.Options(Clock.systemUTC(), Duration.ofMillis(100)));
    }

    /** The key the runtime's operation store seals secrets with. */
    public TestCipher cipher() {
        return cipher;
    }

    public AccountDefaults defaults() {
        return new AccountDefaults(home.resolve("accounts"));
    }

    /** What saving the configuration does. */
    public synchronized void apply(ClusterDeployConfiguration c) {
        this.configuration = c;
        EngineSpec spec = c.toEngineSpec(defaults());
        policy = new AccountPolicy(spec.accounts());
        holder.apply(spec);
    }

    /** Stops the engine and starts a new one on the same state, as a controller restart does. */
    public synchronized void restart() {
        holder.close();
        holder = newHolder();
        apply(configuration);
    }

    public synchronized Engine engine() {
        return holder.engine().orElseThrow();
    }

    public synchronized EngineHolder holder() {
        return holder;
    }

    @Override
    public synchronized OperationRunner operations() {
        return holder.operations();
    }

    @Override
    public synchronized io.clusterdeploy.engine.plan.Planner planner() {
        return holder.planner();
    }

    @Override
    public synchronized void checkAccountUse(String account, BuildOrigin origin) {
        policy.checkUse(account, origin);
    }

    /** The job {@code jobFullName} builds a change request from now on. */
    public void markChangeRequest(String jobFullName) {
        changeRequests.add(jobFullName);
    }

    @Override
    public BuildOrigin originOf(Item job) {
        return new BuildOrigin(job.getFullName(), changeRequests.contains(job.getFullName()));
    }

    public synchronized boolean runsOnController(String account) {
        return policy.runsOnController(account);
    }

    @Override
    public BodyValidations validations() {
        return validations;
    }

    @Override
    public Duration pollInterval() {
        return Duration.ofMillis(50);
    }

    @Override
    public synchronized void close() {
        holder.close();
    }
}
