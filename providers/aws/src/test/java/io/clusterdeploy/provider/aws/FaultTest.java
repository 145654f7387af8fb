package io.clusterdeploy.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.conformance.LoadDriver;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.testing.EngineHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The conformance operations with 10% of the AWS calls failing (throttling, 5xx, connections dropped before moto
 * saw the request or after it handled it), under continuous load. With three attempts per call some operations
 * still fail; each must end in success or a clean rollback, and the cluster must never be left without an enabled
 * server group with an instance up. An operation may fail only because the retries ran out, never because AWS
 * refused a retry whose first attempt had done the work (a lost answer): every mutating call converges.
 */
class FaultTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();
    private static final double RATE = 0.10;

    private final List<String> outcomes = new ArrayList<>();

    private static Map<String, Object> deploy(AwsFixture fx, String strategy, String version, boolean healthy,
                                              Map<String, Object> extra) {
        return ProviderCalls.deploy(fx, strategy, version, healthy, extra);
    }

    private OperationState run(EngineHarness engine, Map<String, Object> request) throws InterruptedException {
        OperationState started = engine.runner.start(request);
        OperationState s = engine.runner.awaitFinished(started.id(), Duration.ofMinutes(5));
        assertThat(s.status()).as("%s still running: %s", request.get("type"), s.steps()).isNotEqualTo(OperationStatus.RUNNING);
        return s;
    }

    /** With faults off for the look: some enabled group of the cluster has an instance up. */
    private void assertServing(AwsFixture fx, String after) {
        fx.proxy.faults(0, 0);
        try {
            fx.provider.refresh();
            List<ServerGroup> cluster = fx.provider.serverGroups("hello");
            assertThat(cluster).as("after %s: %s", after, cluster).anyMatch(ServerGroup::isActive);
        } finally {
            fx.proxy.faults(RATE, after.hashCode());
        }
    }

    private void record(AwsFixture fx, String what, OperationState s) {
        String line = what + ": " + s.status() + (s.error() == null ? "" : " (" + s.error().message() + ")");
        outcomes.add(line);
        System.out.println("FAULT OUTCOME " + line);
        assertThat(s.status()).as(line).isIn(OperationStatus.SUCCEEDED, OperationStatus.FAILED, OperationStatus.CANCELLED);
        // With faults only transient, AWS refusing a call means a retry found the work of a lost answer done.
        assertThat(s.steps()).as("%s: no step failed on AWS refusing a retry", what)
                .noneMatch(st -> st.message() != null && st.message().contains("AWS refused ("));
        if (s.status() != OperationStatus.SUCCEEDED) {
            assertThat(s.steps()).as("%s: a failed or cancelled deploy rolled back", what)
                    .anyMatch(st -> st.name().startsWith("restorePreviousServerGroups") || st.name().startsWith("unpin")
                            || st.name().startsWith("restoreServerGroupAsItWas") || !s.type().equals("deploy"));
        }
        assertServing(fx, what);
    }

    @Test
    void everyOperationEndsInSuccessOrACleanRollbackAndTheClusterAlwaysServes() throws Exception {
        try (AwsFixture fx = new AwsFixture(MOTO.server(), Map.of("retries", Map.of("maxAttempts", 3,
                "baseDelayMillis", 20, "maxDelayMillis", 200, "throttlingBaseDelayMillis", 50)));
             EngineHarness engine = new EngineHarness(fx.provider)) {
            ProviderCalls.loadBalancer(fx, 2);
            LoadBalancer lb = fx.provider.loadBalancers("hello").get(0);
            OperationState v1 = run(engine, deploy(fx, "none", "v1", true, Map.of()));
            assertThat(v1.status()).isEqualTo(OperationStatus.SUCCEEDED);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> fx.probe(lb).ok());
            int callsBefore = fx.proxy.total();

            LoadDriver load = new LoadDriver(() -> fx.probe(lb), 4, Duration.ofMinutes(15));
            fx.proxy.faults(RATE, 42);
            try {
                record(fx, "redblack v2", run(engine, deploy(fx, "redblack", "v2", true, Map.of())));
                record(fx, "rollingredblack v3", run(engine, deploy(fx, "rollingredblack", "v3", true,
                        Map.of("targetPercentages", List.of(50)))));
                record(fx, "rollbackCluster", run(engine, Map.of("type", "rollbackCluster", "account", AwsFixture.ACCOUNT,
                        "location", Moto.REGION, "cluster", "hello-prod")));
                record(fx, "never-healthy redblack v4", run(engine, deploy(fx, "redblack", "v4", false, Map.of())));
                OperationState started = engine.runner.start(deploy(fx, "redblack", "v5", true,
                        Map.of("delayBeforeDisableSec", 600)));
                Awaitility.await().atMost(Duration.ofMinutes(3)).until(() -> {
                    OperationState now = engine.runner.get(started.id()).orElseThrow();
                    return now.status() != OperationStatus.RUNNING
                            || now.steps().stream().anyMatch(st -> st.name().equals("waitBeforeDisable"));
                });
                try {
                    engine.runner.cancel(started.id());
                } catch (io.clusterdeploy.engine.error.ClusterDeployException e) {
                    // It failed (and rolled back) before the cancel came: recorded as it ended.
                }
                record(fx, "cancelled redblack v5", engine.runner.awaitFinished(started.id(), Duration.ofMinutes(5)));
                record(fx, "highlander v6", run(engine, deploy(fx, "highlander", "v6", true, Map.of())));
            } finally {
                fx.proxy.faults(0, 0);
                load.close();
            }
            System.out.println("FAULTS injected " + fx.proxy.injected() + " in " + (fx.proxy.total() - callsBefore)
                    + " calls; " + load.summary("FaultTest"));
            assertThat(fx.proxy.injected().values().stream().mapToInt(Integer::intValue).sum()).isPositive();
            assertThat(fx.proxy.unimplemented()).isEmpty();
            assertThat(fx.proxy.calls()).filteredOn(c -> c.action().equals("DeleteLaunchTemplate"))
                    .as("every DeleteLaunchTemplate names the template it deletes")
                    .allSatisfy(c -> assertThat(c.params()).containsKey("LaunchTemplateId"));
            // Every group left has its launch template (a failed create deletes only a template no group uses).
            var templates = fx.moto.ec2.describeLaunchTemplates().launchTemplates().stream()
                    .map(t -> t.launchTemplateId()).toList();
            assertThat(fx.moto.autoScaling.describeAutoScalingGroups().autoScalingGroups())
                    .allSatisfy(g -> assertThat(templates).contains(g.launchTemplate().launchTemplateId()));
            assertThat(load.failures()).as("failed requests").isEmpty();
        }
    }
}
