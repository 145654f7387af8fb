package io.jenkins.plugins.clusterdeploy.steps;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.jenkins.plugins.clusterdeploy.form.FormFields;
import io.jenkins.plugins.clusterdeploy.form.FormText;
import io.jenkins.plugins.clusterdeploy.progress.RequestMap;
import io.jenkins.plugins.clusterdeploy.progress.StartErrors;
import io.jenkins.plugins.clusterdeploy.runtime.ClusterDeployRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * {@code canaryAnalysis}: judges the {@code experiment} (canary) against the {@code control} (baseline) over a
 * window with the canary {@code config}, through the engine's {@code canaryAnalysis} operation, and returns
 * {@code [operationId, status, score, classification, reason, report]}. Fail fails the step unless
 * {@code failOnFail: false}; Marginal marks the step and the build UNSTABLE. The window is {@code startTime} and
 * {@code endTime} (ISO-8601 instants) or {@code lifetime} (an ISO-8601 duration from now); the step waits,
 * durably, for a window that ends later.
 */
public class CanaryAnalysisStep extends Step {
    public static final String FUNCTION = "canaryAnalysis";

    private final Map<String, Object> control;
    private final Map<String, Object> experiment;
    private final Map<String, Object> config;
    private String startTime;
    private String endTime;
    private String lifetime;
    private String step;
    private Map<String, Object> scoreThresholds;
    private boolean failOnFail = true;
    private Boolean dryRun;

    /**
     * @param control    the baseline: {@code [account, location, serverGroup]} or {@code [account, location, cluster,
     *                   target]} ({@code target}: current, previous, oldest; left out: the whole cluster)
     * @param experiment the canary, the same way
     * @param config     the canary config (ours or Kayenta's), e.g. {@code readJSON(file: 'canary.json')}
     */
    @DataBoundConstructor
    public CanaryAnalysisStep(Map<String, Object> control, Map<String, Object> experiment, Map<String, Object> config) {
        this.control = copy(control);
        this.experiment = copy(experiment);
        this.config = copy(config);
    }

    private static Map<String, Object> copy(Map<String, Object> m) {
        return m == null ? null : new LinkedHashMap<>(m);
    }

    public Map<String, Object> getControl() {
        return control;
    }

    public Map<String, Object> getExperiment() {
        return experiment;
    }

    public Map<String, Object> getConfig() {
        return config;
    }

    public String getStartTime() {
        return startTime;
    }

    @DataBoundSetter
    public void setStartTime(String startTime) {
        this.startTime = ClusterDeployStep.blankToNull(startTime);
    }

    public String getEndTime() {
        return endTime;
    }

    @DataBoundSetter
    public void setEndTime(String endTime) {
        this.endTime = ClusterDeployStep.blankToNull(endTime);
    }

    public String getLifetime() {
        return lifetime;
    }

    @DataBoundSetter
    public void setLifetime(String lifetime) {
        this.lifetime = ClusterDeployStep.blankToNull(lifetime);
    }

    public String getStep() {
        return step;
    }

    @DataBoundSetter
    public void setStep(String step) {
        this.step = ClusterDeployStep.blankToNull(step);
    }

    public Map<String, Object> getScoreThresholds() {
        return scoreThresholds;
    }

    @DataBoundSetter
    public void setScoreThresholds(Map<String, Object> scoreThresholds) {
        this.scoreThresholds = scoreThresholds == null || scoreThresholds.isEmpty() ? null : copy(scoreThresholds);
    }

    public boolean isFailOnFail() {
        return failOnFail;
    }

    @DataBoundSetter
    public void setFailOnFail(boolean failOnFail) {
        this.failOnFail = failOnFail;
    }

    public Boolean getDryRun() {
        return dryRun;
    }

    /** Plan instead of run: the steps the analysis would take and the reads it would make; nothing is read or stored. */
    @DataBoundSetter
    public void setDryRun(Boolean dryRun) {
        this.dryRun = dryRun;
    }

    /** The exact request the engine receives; the engine checks every field, naming the one at fault. */
    public Map<String, Object> toRequest() {
        RequestMap window = new RequestMap().put("start", startTime).put("end", endTime).put("lifetime", lifetime);
        return new RequestMap().put("type", "canaryAnalysis").put("control", control).put("experiment", experiment)
                .putObject("window", window).put("step", step).put("config", config)
                .put("scoreThresholds", scoreThresholds).build();
    }

    /** The accounts the build must be allowed to use: both scopes'. */
    List<String> accounts() {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> scope : java.util.Arrays.asList(control, experiment)) {
            Object account = scope == null ? null : scope.get("account");
            String name = account == null ? null : account.toString();
            if (name != null && !name.isBlank() && !out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return newExecution(context, null);
    }

    /** The execution, with {@code runtime} (tests) or the Jenkins engine service when null. */
    public StepExecution newExecution(StepContext context, ClusterDeployRuntime runtime) {
        Map<String, Object> request;
        try {
            request = toRequest();
        } catch (ClusterDeployException e) {
            return new FailedStart(context, StartErrors.message(FUNCTION, e));
        }
        // The engine names a missing scope or account; the account rules need one to check.
        List<String> accounts = accounts();
        if (Boolean.TRUE.equals(dryRun)) {
            return new PlanStepExecution(context, FUNCTION, request, accounts, runtime);
        }
        return new ClusterDeployStepExecution(context, FUNCTION, request, accounts.isEmpty() ? null : accounts,
                new CanaryAnalysisOutcome(failOnFail), null, runtime);
    }

    @Extension
    @Symbol(FUNCTION)
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return FUNCTION;
        }

        @Override
        public String getDisplayName() {
            return "Canary analysis (Cluster Deploy)";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }

        /** The form shows the maps as JSON objects; this reads them back (the Snippet Generator calls it). */
        @Override
        public CanaryAnalysisStep newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            FormFields json = new FormFields(formData);
            CanaryAnalysisStep s = new CanaryAnalysisStep(json.takeJsonObject("control"),
                    json.takeJsonObject("experiment"), json.takeJsonObject("config"));
            s.setScoreThresholds(json.takeJsonObject("scoreThresholds"));
            s.setStartTime(formData.optString("startTime", null));
            s.setEndTime(formData.optString("endTime", null));
            s.setLifetime(formData.optString("lifetime", null));
            s.setStep(formData.optString("step", null));
            s.setDryRun(formData.optBoolean("dryRun", false) ? Boolean.TRUE : null);
            s.setFailOnFail(formData.optBoolean("failOnFail", true));
            return s;
        }

        public String jsonText(Map<String, Object> value) {
            return FormText.jsonText(value);
        }
    }
}
