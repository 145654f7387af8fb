package io.jenkins.plugins.clusterdeploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Descriptor;
import hudson.model.Descriptor.FormException;
import io.jenkins.plugins.clusterdeploy.account.AccountDefaults;
import io.jenkins.plugins.clusterdeploy.account.CloudAccount;
import io.jenkins.plugins.clusterdeploy.account.LocalAccount;
import io.jenkins.plugins.clusterdeploy.steps.CanaryAnalysisStep;
import io.jenkins.plugins.clusterdeploy.testing.StaplerForm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The metric source fields of the global configuration and the canaryAnalysis step's form, bound as Stapler and
 * Jenkins bind them ({@link StaplerForm}), and what the engine is given.
 */
class MetricSourcesFormTest {
    private static final List<Descriptor<CloudAccount>> ACCOUNT_TYPES = List.of(new LocalAccount.DescriptorImpl());

    private static JSONObject form(String prometheusUrl, String credentialsId, String cloudWatch, boolean local) {
        JSONObject a = new JSONObject();
        a.put("name", "local");
        a.put("enabled", true);
        a.put("allowedJobs", "deploy-hello");
        a.put("healthCheckIntervalMillis", "250");
        a.put("stateDir", "");
        a.put("stapler-class", LocalAccount.class.getName());
        JSONObject json = new JSONObject();
        json.put("accounts", a);
        json.put("prometheusUrl", prometheusUrl);
        json.put("prometheusCredentialsId", credentialsId);
        json.put("cloudWatchAccount", cloudWatch);
        json.put("localMetrics", local);
        return json;
    }

    private static Map<String, Object> engineSees(ClusterDeployConfiguration c) {
        return c.toEngineSpec(new AccountDefaults(Path.of("x"))).metricSources();
    }

    @Test
    void theFieldsBindAndBecomeTheEnginesMetricSourceSection() throws Exception {
        ClusterDeployConfiguration c = new ClusterDeployConfiguration();
        assertThat(engineSees(c)).as("nothing configured: only the default local source").isEmpty();
        assertThat(c.isLocalMetrics()).isTrue();

        c.configure(new StaplerForm(ACCOUNT_TYPES).request(),
                form(" http://prometheus.example.com:9090 ", "prom-ci", "", false), ACCOUNT_TYPES);
        assertThat(c.getPrometheusUrl()).isEqualTo("http://prometheus.example.com:9090");
        assertThat(c.getPrometheusCredentialsId()).isEqualTo("prom-ci");
        assertThat(c.getCloudWatchAccount()).isNull();
        assertThat(engineSees(c)).isEqualTo(Map.of(
                "prometheus", Map.of("url", "http://prometheus.example.com:9090", "credentialsId", "prom-ci"),
                "local", false));
    }

    @Test
    void badFieldsAreRefusedNamingTheFieldAndKeepThePreviousValues() throws Exception {
        ClusterDeployConfiguration c = new ClusterDeployConfiguration();
        c.configure(new StaplerForm(ACCOUNT_TYPES).request(), form("https://prom:9090", "", "", true), ACCOUNT_TYPES);
        for (String[] bad : List.of(new String[] {"ftp://prom", "", "", "prometheusUrl"},
                new String[] {"https://user:pw@prom:9090", "", "", "prometheusUrl"},
                new String[] {"", "prom-ci", "", "prometheusUrl"},
                new String[] {"https://prom:9090", "", "local", "cloudWatchAccount"},
                new String[] {"https://prom:9090", "", "prod-aws", "cloudWatchAccount"})) {
            assertThatThrownBy(() -> c.configure(new StaplerForm(ACCOUNT_TYPES).request(),
                    form(bad[0], bad[1], bad[2], true), ACCOUNT_TYPES)).as(String.join(" ", bad))
                    .isInstanceOfSatisfying(FormException.class, e -> assertThat(e.getFormField()).isEqualTo(bad[3]))
                    .message().doesNotContain("pw@");
            assertThat(c.getPrometheusUrl()).isEqualTo("https://prom:9090");
            assertThat(c.getCloudWatchAccount()).isNull();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStepsFormBindsItsJsonFieldsThroughItsDescriptor() throws Exception {
        JSONObject json = new JSONObject();
        json.put("control", "{\"account\": \"local\", \"cluster\": \"hello-prod\", \"target\": \"previous\"}");
        json.put("experiment", "{\"account\": \"local\", \"serverGroup\": \"hello-prod-v002\"}");
        json.put("config", "{\"source\": \"prometheus\", \"metrics\": [{\"name\": \"latency\", \"query\": \"up\"}]}");
        json.put("lifetime", "PT30M");
        json.put("startTime", "");
        json.put("endTime", "");
        json.put("step", "PT30S");
        json.put("scoreThresholds", "{\"pass\": 80}");
        json.put("failOnFail", false);
        CanaryAnalysisStep step = new CanaryAnalysisStep.DescriptorImpl()
                .newInstance(new StaplerForm(List.of()).request(), json);
        assertThat(step.isFailOnFail()).isFalse();
        Map<String, Object> request = step.toRequest();
        assertThat(request).containsEntry("type", "canaryAnalysis")
                .containsEntry("control", Map.of("account", "local", "cluster", "hello-prod", "target", "previous"))
                .containsEntry("window", Map.of("lifetime", "PT30M")).containsEntry("step", "PT30S")
                .containsEntry("scoreThresholds", Map.of("pass", 80));
        assertThat((Map<String, Object>) request.get("config")).containsEntry("source", "prometheus");

        JSONObject bad = new JSONObject();
        bad.put("control", "{account: local");
        bad.put("experiment", "{}");
        bad.put("config", "{}");
        assertThatThrownBy(() -> new CanaryAnalysisStep.DescriptorImpl().newInstance(new StaplerForm(List.of()).request(),
                bad)).isInstanceOfSatisfying(FormException.class, e -> assertThat(e.getFormField()).isEqualTo("control"));

        JSONObject minimal = new JSONObject();
        minimal.put("control", "{\"account\": \"local\", \"serverGroup\": \"hello-prod-v001\"}");
        minimal.put("experiment", "{\"account\": \"local\", \"serverGroup\": \"hello-prod-v002\"}");
        minimal.put("config", "{\"metrics\": []}");
        assertThat(new CanaryAnalysisStep.DescriptorImpl().newInstance(new StaplerForm(List.of()).request(), minimal)
                .isFailOnFail()).as("failOnFail defaults to true").isTrue();
    }
}
