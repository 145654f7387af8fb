package io.jenkins.plugins.clusterdeploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Descriptor.FormException;
import hudson.model.Descriptor;
import io.jenkins.plugins.clusterdeploy.account.CloudAccount;
import io.jenkins.plugins.clusterdeploy.account.LocalAccount;
import io.jenkins.plugins.clusterdeploy.freestyle.ClusterOperationBuilder;
import io.jenkins.plugins.clusterdeploy.freestyle.DeployServerGroupBuilder;
import io.jenkins.plugins.clusterdeploy.steps.DeployServerGroupStep;
import io.jenkins.plugins.clusterdeploy.steps.DeployServerGroupWithValidationStep;
import io.jenkins.plugins.clusterdeploy.steps.ServerGroupCapacity;
import io.jenkins.plugins.clusterdeploy.steps.UpsertLoadBalancerStep;
import io.jenkins.plugins.clusterdeploy.testing.StaplerForm;
import java.util.List;
import java.util.Map;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Every describable's form, bound by the rules real Stapler and Jenkins apply ({@link StaplerForm}): the global
 * configuration (accounts with a multi-line "Allowed jobs", traffic guards), the freestyle builders with their
 * nested steps, and the steps on their own (the Snippet Generator calls the step descriptor's {@code newInstance}).
 */
class FormBindingTest {
    private static final List<Descriptor<CloudAccount>> ACCOUNT_TYPES = List.of(new LocalAccount.DescriptorImpl());

    /** What the browser submits for one local account, as the form's hetero list names it. */
    private static JSONObject localAccount(String name, String allowedJobs) {
        JSONObject a = new JSONObject();
        a.put("name", name);
        a.put("enabled", true);
        a.put("allowedJobs", allowedJobs);
        a.put("healthCheckIntervalMillis", "250");
        a.put("stateDir", "");
        a.put("stapler-class", LocalAccount.class.getName());
        a.put("$class", LocalAccount.class.getName());
        return a;
    }

    private static JSONObject guard(String account, String cluster) {
        JSONObject g = new JSONObject();
        g.put("account", account);
        g.put("cluster", cluster);
        g.put("location", "");
        return g;
    }

    @Test
    void staplerBindsATextareaToAListSetterAsOneEntry() {
        // The rule the defect comes from, as the emulation applies it: nothing splits the lines.
        ClusterDeployConfiguration c = new ClusterDeployConfiguration();
        JSONObject json = new JSONObject();
        json.put("accounts", localAccount("local", "team-a/*\ndeploy-hello"));
        new StaplerForm(ACCOUNT_TYPES).request().bindJSON(c, json);
        assertThat(c.getAccounts().get(0).getAllowedJobs()).containsExactly("team-a/*\ndeploy-hello");
    }

    @Test
    void savingTwoAllowedJobLinesKeepsTwoPatterns() throws Exception {
        ClusterDeployConfiguration c = new ClusterDeployConfiguration();
        JSONObject json = new JSONObject();
        JSONArray accounts = new JSONArray();
        accounts.add(localAccount("local", "team-a/*\r\ndeploy-hello\n"));
        accounts.add(localAccount("spare", "x"));
        json.put("accounts", accounts);
        JSONArray guards = new JSONArray();
        guards.add(guard("local", "hello-prod"));
        guards.add(guard("spare", "other"));
        json.put("trafficGuards", guards);

        assertThat(c.configure(new StaplerForm(ACCOUNT_TYPES).request(), json, ACCOUNT_TYPES)).isTrue();

        LocalAccount local = (LocalAccount) c.getAccounts().get(0);
        assertThat(local.getName()).isEqualTo("local");
        assertThat(local.isEnabled()).isTrue();
        assertThat(local.getAllowedJobs()).containsExactly("team-a/*", "deploy-hello");
        assertThat(local.getHealthCheckIntervalMillis()).isEqualTo(250);
        assertThat(local.getStateDir()).isNull();
        assertThat(c.getAccounts()).extracting(CloudAccount::getName).containsExactly("local", "spare");
        assertThat(c.getTrafficGuards()).extracting(TrafficGuardEntry::getCluster).containsExactly("hello-prod", "other");
    }

    @Test
    void oneEntryAndNoEntriesBindToo() throws Exception {
        ClusterDeployConfiguration c = new ClusterDeployConfiguration();
        JSONObject one = new JSONObject();
        one.put("accounts", localAccount("local", "deploy-*"));
        one.put("trafficGuards", guard("local", "hello"));
        c.configure(new StaplerForm(ACCOUNT_TYPES).request(), one, ACCOUNT_TYPES);
        assertThat(c.getAccounts()).hasSize(1);
        assertThat(c.getTrafficGuards()).hasSize(1);

        c.configure(new StaplerForm(ACCOUNT_TYPES).request(), new JSONObject(), ACCOUNT_TYPES);
        assertThat(c.getAccounts()).as("every account deleted").isEmpty();
        assertThat(c.getTrafficGuards()).as("every guard deleted").isEmpty();
    }

    @Test
    void theRetentionOfFinishedOperationsIsBoundCheckedAndGivenToTheEngine() throws Exception {
        ClusterDeployConfiguration c = new ClusterDeployConfiguration();
        JSONObject json = new JSONObject();
        json.put("accounts", localAccount("local", "deploy-hello"));
        json.put("keepFinishedOperations", "250");
        json.put("keepOperationsDays", "7");
        c.configure(new StaplerForm(ACCOUNT_TYPES).request(), json, ACCOUNT_TYPES);
        io.clusterdeploy.engine.operation.OperationRetention r = c.toEngineSpec(
                new io.jenkins.plugins.clusterdeploy.account.AccountDefaults(java.nio.file.Path.of("x"))).retention();
        assertThat(r.keepFinished()).isEqualTo(250);
        assertThat(r.keepFor()).isEqualTo(java.time.Duration.ofDays(7));

        for (String bad : List.of("0", "-3", "1.5", "many")) {
            json.put("keepFinishedOperations", bad);
            assertThatThrownBy(() -> c.configure(new StaplerForm(ACCOUNT_TYPES).request(), json, ACCOUNT_TYPES))
                    .isInstanceOf(FormException.class).hasMessageContaining("keepFinishedOperations");
            assertThat(c.getKeepFinishedOperations()).as("the previous value stays").isEqualTo(250);
        }
    }

    @Test
    void aRefusedFormKeepsThePreviousConfiguration() throws Exception {
        ClusterDeployConfiguration c = new ClusterDeployConfiguration();
        JSONObject good = new JSONObject();
        good.put("accounts", localAccount("local", "deploy-*"));
        c.configure(new StaplerForm(ACCOUNT_TYPES).request(), good, ACCOUNT_TYPES);

        JSONObject bad = new JSONObject();
        bad.put("accounts", localAccount("local", "/leading-slash"));
        assertThatThrownBy(() -> c.configure(new StaplerForm(ACCOUNT_TYPES).request(), bad, ACCOUNT_TYPES))
                .isInstanceOf(FormException.class)
                .satisfies(e -> assertThat(((FormException) e).getFormField()).isEqualTo("accounts[local].allowedJobs[0]"));
        assertThat(c.getAccounts().get(0).getAllowedJobs()).containsExactly("deploy-*");
    }

    private static final List<Descriptor<?>> STEP_TYPES = List.of(new DeployServerGroupStep.DescriptorImpl(),
            new DeployServerGroupWithValidationStep.DescriptorImpl(), new UpsertLoadBalancerStep.DescriptorImpl(),
            new ServerGroupCapacity.DescriptorImpl());

    private static JSONObject deployForm() {
        JSONObject d = new JSONObject();
        d.put("account", "local");
        d.put("application", "hello");
        d.put("stack", "prod");
        d.put("strategy", "rollingredblack");
        d.put("loadBalancers", "hello-prod\nhello-canary\n");
        d.put("securityGroups", "");
        d.put("targetPercentages", "25, 50, 100");
        d.put("spec", "{\"command\": [\"java\", \"-jar\", \"hello.jar\"], \"env\": {\"MODE\": \"x\"}}");
        d.put("maxRemainingAsgs", "");
        JSONObject capacity = new JSONObject();
        capacity.put("min", "2");
        capacity.put("desired", "3");
        capacity.put("max", "4");
        d.put("capacity", capacity);
        return d;
    }

    private static void assertDeployBound(DeployServerGroupStep step) {
        assertThat(step.getLoadBalancers()).containsExactly("hello-prod", "hello-canary");
        assertThat(step.getSecurityGroups()).isNull();
        assertThat(step.getTargetPercentages()).containsExactly(25, 50, 100);
        assertThat(step.getSpec()).containsEntry("command", List.of("java", "-jar", "hello.jar"))
                .containsEntry("env", Map.of("MODE", "x"));
        assertThat(step.getCapacity().getDesired()).isEqualTo(3);
        assertThat(step.getMaxRemainingAsgs()).isNull();
    }

    @Test
    void theDeployBuilderBindsItsNestedStepThroughTheStepsDescriptor() throws Exception {
        JSONObject json = new JSONObject();
        json.put("deploy", deployForm());
        StaplerForm form = new StaplerForm(STEP_TYPES);
        DeployServerGroupBuilder builder = (DeployServerGroupBuilder) new DeployServerGroupBuilder.DescriptorImpl()
                .newInstance(form.request(), json);
        assertDeployBound(builder.getDeploy());
    }

    @Test
    void theOperationBuilderBindsTheChosenStepThroughItsDescriptor() throws Exception {
        JSONObject op = new JSONObject();
        op.put("account", "local");
        op.put("name", "hello");
        op.put("spec", "{\"port\": 8080}");
        op.put("stapler-class", UpsertLoadBalancerStep.class.getName());
        op.put("$class", UpsertLoadBalancerStep.class.getName());
        JSONObject json = new JSONObject();
        json.put("operation", op);
        ClusterOperationBuilder builder = (ClusterOperationBuilder) new ClusterOperationBuilder.DescriptorImpl()
                .newInstance(new StaplerForm(STEP_TYPES).request(), json);
        assertThat(((UpsertLoadBalancerStep) builder.getOperation()).getSpec()).isEqualTo(Map.of("port", 8080));
    }

    @Test
    void theSnippetGeneratorBindsTheStepsWithTheirDescriptors() throws Exception {
        StaplerForm form = new StaplerForm(STEP_TYPES);
        assertDeployBound(new DeployServerGroupStep.DescriptorImpl().newInstance(form.request(), deployForm()));
        assertDeployBound(new DeployServerGroupWithValidationStep.DescriptorImpl().newInstance(form.request(),
                deployForm()));
        JSONObject badSpec = deployForm();
        badSpec.put("spec", "[1]");
        assertThatThrownBy(() -> new DeployServerGroupStep.DescriptorImpl().newInstance(form.request(), badSpec))
                .isInstanceOf(FormException.class)
                .satisfies(e -> assertThat(((FormException) e).getFormField()).isEqualTo("spec"));
    }
}
