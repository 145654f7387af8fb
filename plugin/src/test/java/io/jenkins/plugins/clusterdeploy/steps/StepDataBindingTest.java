package io.jenkins.plugins.clusterdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.jenkins.plugins.clusterdeploy.testing.FakeStepContext;
import io.jenkins.plugins.clusterdeploy.testing.TestRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every step's required and optional parameters, as Pipeline binds them, give exactly the engine's request. */
class StepDataBindingTest {

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void deployWithOnlyRequiredParametersSendsOnlyThem() {
        DeployServerGroupStep step = new DeployServerGroupStep("local", "hello");
        assertThat(step.toRequest()).containsExactly(
                Map.entry("type", "deploy"), Map.entry("account", "local"), Map.entry("application", "hello"));
    }

    @Test
    void deployWithEveryParameter() {
        DeployServerGroupStep step = new DeployServerGroupStep("local", "hello");
        step.setLocation("local");
        step.setStack("prod");
        step.setFreeFormDetails("canary");
        step.setCapacity(new ServerGroupCapacity(1, 2, 3));
        step.setLoadBalancers(List.of("hello-prod"));
        step.setSecurityGroups(List.of("web"));
        step.setSpec(map("command", List.of("java", "-jar", "app.jar"), "env", map("MODE", "prod")));
        step.setStrategy("rollingredblack");
        step.setMaxRemainingAsgs(3);
        step.setDelayBeforeDisableSec(5);
        step.setScaleDown(true);
        step.setDelayBeforeScaleDownSec(7);
        step.setAllowDeleteActive(false);
        step.setUseSourceCapacity(false);
        step.setTargetHealthyDeployPercentage(90);
        step.setDeployTimeoutSec(300);
        DeployRollback rollback = new DeployRollback();
        rollback.setOnFailure(true);
        rollback.setDestroyLatest(true);
        step.setRollback(rollback);
        step.setTargetPercentages(List.of(25, 50, 100));
        step.setFailIfBusy(true);

        assertThat(step.toRequest()).isEqualTo(map(
                "type", "deploy", "account", "local", "location", "local",
                "application", "hello", "stack", "prod", "freeFormDetails", "canary",
                "capacity", map("min", 1, "desired", 2, "max", 3),
                "loadBalancers", List.of("hello-prod"), "securityGroups", List.of("web"),
                "spec", map("command", List.of("java", "-jar", "app.jar"), "env", map("MODE", "prod")),
                "strategy", "rollingredblack", "maxRemainingAsgs", 3, "delayBeforeDisableSec", 5,
                "scaleDown", true, "delayBeforeScaleDownSec", 7, "allowDeleteActive", false,
                "useSourceCapacity", false, "targetHealthyDeployPercentage", 90, "deployTimeoutSec", 300,
                "rollback", map("onFailure", true, "destroyLatest", true),
                "targetPercentages", List.of(25, 50, 100), "failIfBusy", true));
    }

    @Test
    void canarySettingsTravelAsGivenAndAnEmptyMapIsLeftOut() {
        DeployServerGroupStep step = new DeployServerGroupStep("local", "hello");
        step.setStrategy("canary");
        step.setCanary(map("lifetime", new StringBuilder("PT30M"), "trafficPercent", 10L,
                "config", map("source", "local", "metrics", List.of(map("name", "errors", "query", "error_rate")))));
        assertThat(step.toRequest()).containsEntry("strategy", "canary").containsEntry("canary", map(
                "lifetime", "PT30M", "trafficPercent", 10,
                "config", map("source", "local", "metrics", List.of(map("name", "errors", "query", "error_rate")))));
        step.setCanary(Map.of());
        assertThat(step.toRequest()).doesNotContainKey("canary");
    }

    @Test
    void groovyStringsAndNumbersBecomePlainValues() {
        DeployServerGroupStep step = new DeployServerGroupStep("local", "hello");
        // A GString is a CharSequence; Groovy literals may be Longs or BigDecimals.
        step.setSpec(map("command", List.of(new StringBuilder("run"), 8080L), "port", new java.math.BigDecimal("8081"),
                "ratio", 0.5));
        step.setStack(" prod ");
        assertThat(step.toRequest()).containsEntry("spec", map("command", List.of("run", 8080), "port", 8081, "ratio", 0.5))
                .containsEntry("stack", "prod");
    }

    @Test
    void blankOptionalStringsAreLeftOut() {
        DeployServerGroupStep step = new DeployServerGroupStep("local", "hello");
        step.setStack("  ");
        step.setStrategy("");
        step.setLocation(null);
        assertThat(step.toRequest()).doesNotContainKeys("stack", "strategy", "location");
    }

    @Test
    void aValueOfAnUnsupportedTypeIsRefusedNamingTheParameter() throws Exception {
        DeployServerGroupStep step = new DeployServerGroupStep("local", "hello");
        step.setSpec(map("env", map("WHEN", new Object())));
        assertThatThrownBy(step::toRequest).isInstanceOf(ClusterDeployException.class)
                .hasMessageContaining("spec.env.WHEN");

        // As a step: it fails before anything runs, naming the parameter.
        FakeStepContext context = new FakeStepContext(TestRun.of("", "job"));
        assertThatThrownBy(() -> step.newExecution(context, null).start()).isInstanceOf(hudson.AbortException.class)
                .hasMessage("deployServerGroup: invalid parameter 'spec.env.WHEN': spec.env.WHEN must be a string,"
                        + " number, boolean, list or map, not a Object");
    }

    @Test
    void validationVariantDefaultsToRollingAndCarriesAToken() {
        DeployServerGroupWithValidationStep step = new DeployServerGroupWithValidationStep("local", "hello");
        step.setTargetPercentages(List.of(50, 100));
        assertThat(step.toRequest()).containsEntry("strategy", "rollingredblack")
                .containsEntry("targetPercentages", List.of(50, 100)).doesNotContainKey("validation");
        assertThat(DeployServerGroupWithValidationStep.withValidation(step.toRequest(), "t-1"))
                .containsEntry("validation", Map.of("body", "t-1"));
    }

    @Test
    void validationVariantRefusesOtherStrategies() {
        DeployServerGroupWithValidationStep step = new DeployServerGroupWithValidationStep("local", "hello");
        step.setStrategy("redblack");
        assertThatThrownBy(step::toRequest).isInstanceOf(ClusterDeployException.class)
                .hasMessageContaining("rollingredblack")
                .satisfies(e -> assertThat(((ClusterDeployException) e).field()).isEqualTo("strategy"));
    }

    @Test
    void serverGroupSteps() {
        ResizeServerGroupStep resize = new ResizeServerGroupStep("local", "hello-prod-v001");
        assertThat(resize.toRequest()).isEqualTo(map("type", "resize", "account", "local",
                "serverGroupName", "hello-prod-v001"));
        resize.setCapacity(new ServerGroupCapacity(2, 4, 6));
        resize.setAction("scale_up");
        resize.setScaleNum(2);
        resize.setScalePct(10);
        resize.setTimeoutSec(60);
        resize.setLocation("local");
        assertThat(resize.toRequest()).isEqualTo(map("type", "resize", "account", "local", "location", "local",
                "serverGroupName", "hello-prod-v001", "capacity", map("min", 2, "desired", 4, "max", 6),
                "action", "scale_up", "scaleNum", 2, "scalePct", 10, "timeoutSec", 60));

        EnableServerGroupStep enable = new EnableServerGroupStep("local", "hello-prod-v001");
        enable.setTimeoutSec(30);
        assertThat(enable.toRequest()).isEqualTo(map("type", "enable", "account", "local",
                "serverGroupName", "hello-prod-v001", "timeoutSec", 30));

        DisableServerGroupStep disable = new DisableServerGroupStep("local", "hello-prod-v001");
        disable.setDesiredPercentage(50);
        disable.setFailIfBusy(false);
        assertThat(disable.toRequest()).isEqualTo(map("type", "disable", "account", "local",
                "serverGroupName", "hello-prod-v001", "desiredPercentage", 50, "failIfBusy", false));

        assertThat(new DestroyServerGroupStep("local", "hello-prod-v001").toRequest()).isEqualTo(map(
                "type", "destroy", "account", "local", "serverGroupName", "hello-prod-v001"));
    }

    @Test
    void loadBalancerStep() {
        UpsertLoadBalancerStep lb = new UpsertLoadBalancerStep("local", "hello-prod");
        lb.setSpec(map("port", 8080));
        assertThat(lb.toRequest()).isEqualTo(map("type", "upsertLoadBalancer", "account", "local",
                "name", "hello-prod", "spec", map("port", 8080)));
    }

    @Test
    void clusterSteps() {
        RollbackClusterStep rollback = new RollbackClusterStep("local", "hello-prod");
        assertThat(rollback.toRequest()).isEqualTo(map("type", "rollbackCluster", "account", "local",
                "cluster", "hello-prod"));
        rollback.setRestoreServerGroupName("hello-prod-v000");
        rollback.setTargetHealthyRollbackPercentage(90);
        rollback.setTimeoutSec(120);
        assertThat(rollback.toRequest()).isEqualTo(map("type", "rollbackCluster", "account", "local",
                "cluster", "hello-prod", "restoreServerGroupName", "hello-prod-v000",
                "targetHealthyRollbackPercentage", 90, "timeoutSec", 120));

        DisableClusterStep disable = new DisableClusterStep("local", "hello-prod");
        disable.setRemainingEnabledServerGroups(2);
        disable.setPreferLargerOverNewer(true);
        assertThat(disable.toRequest()).isEqualTo(map("type", "disableCluster", "account", "local",
                "cluster", "hello-prod", "remainingEnabledServerGroups", 2, "preferLargerOverNewer", true));

        ScaleDownClusterStep scaleDown = new ScaleDownClusterStep("local", "hello-prod");
        scaleDown.setRemainingFullSizeServerGroups(1);
        scaleDown.setAllowScaleDownActive(true);
        scaleDown.setPreferLargerOverNewer(false);
        assertThat(scaleDown.toRequest()).isEqualTo(map("type", "scaleDownCluster", "account", "local",
                "cluster", "hello-prod", "remainingFullSizeServerGroups", 1, "allowScaleDownActive", true,
                "preferLargerOverNewer", false));

        ShrinkClusterStep shrink = new ShrinkClusterStep("local", "hello-prod");
        shrink.setShrinkToSize(2);
        shrink.setAllowDeleteActive(true);
        shrink.setRetainLargerOverNewer(true);
        assertThat(shrink.toRequest()).isEqualTo(map("type", "shrinkCluster", "account", "local",
                "cluster", "hello-prod", "shrinkToSize", 2, "allowDeleteActive", true, "retainLargerOverNewer", true));

        FindImageFromClusterStep find = new FindImageFromClusterStep("local", "hello-prod");
        find.setOnlyEnabled(false);
        find.setSelectionStrategy("LARGEST");
        assertThat(find.toRequest()).isEqualTo(map("type", "findImageFromCluster", "account", "local",
                "cluster", "hello-prod", "onlyEnabled", false, "selectionStrategy", "LARGEST"));

        CheckClusterSizeStep check = new CheckClusterSizeStep("local", "hello-prod", 2);
        assertThat(check.toRequest()).isEqualTo(map("type", "checkClusterSize", "account", "local",
                "cluster", "hello-prod", "expected", 2));
        check.setComparison(">=");
        check.setOnlyEnabledServerGroups(true);
        assertThat(check.toRequest()).isEqualTo(map("type", "checkClusterSize", "account", "local",
                "cluster", "hello-prod", "expected", 2, "comparison", ">=", "onlyEnabledServerGroups", true));
    }

    @Test
    void functionNamesAreSpinnakersStageNames() {
        assertThat(List.of(new DeployServerGroupStep("a", "b").functionName(),
                new DeployServerGroupWithValidationStep("a", "b").functionName(),
                new ResizeServerGroupStep("a", "b").functionName(), new EnableServerGroupStep("a", "b").functionName(),
                new DisableServerGroupStep("a", "b").functionName(), new DestroyServerGroupStep("a", "b").functionName(),
                new UpsertLoadBalancerStep("a", "b").functionName(), new RollbackClusterStep("a", "b").functionName(),
                new DisableClusterStep("a", "b").functionName(), new ScaleDownClusterStep("a", "b").functionName(),
                new ShrinkClusterStep("a", "b").functionName(), new FindImageFromClusterStep("a", "b").functionName(),
                new CheckClusterSizeStep("a", "b", 1).functionName()))
                .containsExactly("deployServerGroup", "deployServerGroupWithValidation", "resizeServerGroup",
                        "enableServerGroup", "disableServerGroup", "destroyServerGroup", "upsertLoadBalancer",
                        "rollbackCluster", "disableCluster", "scaleDownCluster", "shrinkCluster",
                        "findImageFromCluster", "checkClusterSize");
        assertThat(new DeployServerGroupWithValidationStep.DescriptorImpl().takesImplicitBlockArgument()).isTrue();
        assertThat(new DeployServerGroupStep.DescriptorImpl().takesImplicitBlockArgument()).isFalse();
        assertThat(new DeployServerGroupStep.DescriptorImpl().getFunctionName()).isEqualTo("deployServerGroup");
        assertThat(new java.util.HashSet<Object>(new DeployServerGroupStep.DescriptorImpl().getRequiredContext()))
                .isEqualTo(java.util.Set.of(hudson.model.Run.class, hudson.model.TaskListener.class));
    }
}
