package io.jenkins.plugins.clusterdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.Result;
import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.metricsource.MetricSourceFactory;
import io.clusterdeploy.engine.metricsource.MetricSourceTypes;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.jenkins.plugins.clusterdeploy.account.LocalAccount;
import io.jenkins.plugins.clusterdeploy.config.ClusterDeployConfiguration;
import io.jenkins.plugins.clusterdeploy.testing.FakeStepContext;
import io.jenkins.plugins.clusterdeploy.testing.TestRun;
import io.jenkins.plugins.clusterdeploy.testing.TestRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The canaryAnalysis step against the real engine and judge, with a metric source standing in for Prometheus
 * (configured through the global configuration's Prometheus URL): what it returns, logs and marks for each verdict.
 */
class CanaryAnalysisStepTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path home;

    private TestRuntime runtime;

    /** Series by query: {@code steady} alike on both sides, {@code doubled} twice as high on the canary, {@code boom} fails. */
    static final class StandIn implements MetricSourceFactory {
        @Override
        public String type() {
            return "prometheus";
        }

        @Override
        public MetricSource create(Map<String, Object> settings, Accounts accounts, SecretResolver secrets) {
            return new MetricSource() {
                @Override
                public String type() {
                    return "prometheus";
                }

                @Override
                public TimeSeries fetch(MetricQuery query, MetricScope scope, TimeWindow window) {
                    String q = query.string("query");
                    if (q.equals("boom")) {
                        throw new IllegalStateException("prometheus at " + settings.get("url") + " refused the connection");
                    }
                    boolean canary = scope.name().endsWith("v001");
                    double[] v = new double[(int) window.points()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (100 + i % 13) * (canary && q.equals("doubled") ? 2 : 1);
                    }
                    return TimeSeries.regular(window.start(), window.step(), v);
                }
            };
        }
    }

    @BeforeEach
    void startEngine() {
        LocalAccount local = new LocalAccount("local");
        local.setEnabled(true);
        local.setAllowedJobs(List.of("team/**"));
        ClusterDeployConfiguration config = new ClusterDeployConfiguration();
        config.setAccounts(List.of(local));
        config.setPrometheusUrl("http://127.0.0.1:9090");
        runtime = new TestRuntime(home, config, new MetricSourceTypes(List.of(new StandIn())));
    }

    @AfterEach
    void stopEngine() {
        runtime.close();
    }

    private static CanaryAnalysisStep step(String... queries) {
        List<Object> metrics = new java.util.ArrayList<>();
        for (int i = 0; i < queries.length; i++) {
            metrics.add(Map.of("name", "metric " + i, "query", queries[i], "direction", "increase"));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("source", "prometheus");
        config.put("metrics", metrics);
        CanaryAnalysisStep step = new CanaryAnalysisStep(Map.of("account", "local", "serverGroup", "hello-prod-v000"),
                Map.of("account", "local", "serverGroup", "hello-prod-v001"), config);
        step.setStartTime("2024-06-03T10:00:00Z");
        step.setEndTime("2024-06-03T11:00:00Z");
        return step;
    }

    /** A node in the flow graph, where the step's warning goes. */
    private static final class Node extends FlowNode {
        Node() {
            super(null, "7", List.of());
        }

        @Override
        public String getDisplayName() {
            return "canaryAnalysis";
        }
    }

    private record Ran(FakeStepContext context, TestRun run, Node node) {
    }

    private Ran start(CanaryAnalysisStep step) throws Exception {
        TestRun run = TestRun.of("team", "deploy-hello");
        Node node = new Node();
        FakeStepContext context = new FakeStepContext(run).withFlowNode(node);
        StepExecution execution = step.newExecution(context, runtime);
        assertThat(execution.start()).as("asynchronous").isFalse();
        return new Ran(context, run, node);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPassReturnsTheResultAndLogsEachMetricsReason() throws Exception {
        Ran r = start(step("steady", "steady"));
        Map<String, Object> result = (Map<String, Object>) r.context().await(TIMEOUT);
        assertThat(result).containsEntry("classification", "Pass").containsEntry("score", 100.0)
                .containsEntry("status", "SUCCEEDED").containsKeys("operationId", "reason", "report");
        Map<String, Object> report = (Map<String, Object>) result.get("report");
        Map<String, Object> metric = ((List<Map<String, Object>>) report.get("metrics")).get(0);
        assertThat((Map<String, Object>) metric.get("canary")).containsEntry("points", 61).containsEntry("max", 112.0)
                .as("the points stay in the operation").doesNotContainKey("series");
        assertThat(r.context().log()).contains("Canary analysis: Pass, score 100 (pass 75, marginal 50)")
                .contains("  [Pass] metric 0").contains("  [Pass] metric 1");
        assertThat(r.run().getResult()).isNull();
        assertThat(r.node().getActions(WarningAction.class)).isEmpty();
    }

    @Test
    void aMarginalVerdictMarksTheStepAndTheBuildUnstable() throws Exception {
        Ran r = start(step("steady", "steady", "doubled"));
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) r.context().await(TIMEOUT);
        assertThat(result).containsEntry("classification", "Marginal");
        assertThat(r.run().getResult()).isEqualTo(Result.UNSTABLE);
        List<WarningAction> warnings = r.node().getActions(WarningAction.class);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getResult()).isEqualTo(Result.UNSTABLE);
        assertThat(warnings.get(0).getMessage()).startsWith("canaryAnalysis: Marginal, score 66.67");
        assertThat(r.context().log()).contains("  [High] metric 2").contains("WARNING: canaryAnalysis: Marginal");
    }

    @Test
    void aFailFailsTheStepUnlessFailOnFailIsFalse() throws Exception {
        Ran failed = start(step("doubled", "doubled"));
        assertThatThrownBy(() -> failed.context().await(TIMEOUT)).isInstanceOf(AbortException.class)
                .hasMessageContaining("canaryAnalysis: Fail, score 0.0").hasMessageContaining("failOnFail: false");
        assertThat(failed.context().log()).contains("  [High] metric 0");
        assertThat(failed.context().completions()).isEqualTo(1);

        CanaryAnalysisStep lenient = step("doubled", "doubled");
        lenient.setFailOnFail(false);
        Ran returned = start(lenient);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) returned.context().await(TIMEOUT);
        assertThat(result).containsEntry("classification", "Fail");
        assertThat(returned.run().getResult()).as("not marked: the Pipeline decides").isNull();
    }

    @Test
    void aFailingSourceFailsTheStepWithItsMessage() throws Exception {
        Ran r = start(step("steady", "boom"));
        assertThatThrownBy(() -> r.context().await(TIMEOUT)).isInstanceOf(AbortException.class)
                .hasMessageContaining("refused the connection").hasMessageContaining("config.metrics[1] 'metric 1'");
    }

    @Test
    void aBadRequestFailsAtStartNamingTheField() throws Exception {
        CanaryAnalysisStep step = step("steady");
        step.setLifetime("PT30M");
        TestRun run = TestRun.of("team", "deploy-hello");
        FakeStepContext context = new FakeStepContext(run).withFlowNode(new Node());
        assertThatThrownBy(() -> step.newExecution(context, runtime).start()).isInstanceOf(AbortException.class)
                .hasMessageContaining("window.start");
    }

    @Test
    void aJobTheAccountDoesNotAllowCannotAnalyse() throws Exception {
        TestRun run = TestRun.of("other", "job");
        FakeStepContext context = new FakeStepContext(run).withFlowNode(new Node());
        assertThatThrownBy(() -> step("steady").newExecution(context, runtime).start())
                .isInstanceOf(AbortException.class).hasMessageContaining("local");
    }
}
