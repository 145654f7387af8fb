package io.jenkins.plugins.clusterdeploy.steps;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.jenkins.plugins.clusterdeploy.progress.RequestMap;
import io.jenkins.plugins.clusterdeploy.progress.StartErrors;
import io.jenkins.plugins.clusterdeploy.runtime.ClusterDeployRuntime;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step that runs one engine operation, named and parametrised as Spinnaker's stage: {@code account} (required),
 * {@code location} (may be left out when the account has one), {@code failIfBusy}, plus the operation's own
 * parameters. Unset parameters are left out of the request, so the engine's defaults apply; the engine checks
 * every value before anything changes, naming the parameter at fault.
 */
public abstract class ClusterDeployStep extends Step {
    private final String account;
    private String location;
    private Boolean failIfBusy;
    private Boolean dryRun;

    protected ClusterDeployStep(String account) {
        this.account = account;
    }

    public String getAccount() {
        return account;
    }

    public String getLocation() {
        return location;
    }

    @DataBoundSetter
    public void setLocation(String location) {
        this.location = blankToNull(location);
    }

    public Boolean getFailIfBusy() {
        return failIfBusy;
    }

    @DataBoundSetter
    public void setFailIfBusy(Boolean failIfBusy) {
        this.failIfBusy = failIfBusy;
    }

    public Boolean getDryRun() {
        return dryRun;
    }

    /** Plan instead of run: the step returns what the operation would do, step by step, and changes nothing. */
    @DataBoundSetter
    public void setDryRun(Boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }

    /** The Pipeline function name, used in messages. */
    public abstract String functionName();

    /** The engine operation type (Spinnaker's stage type). */
    protected abstract String operationType();

    /** Adds the operation's own parameters. */
    protected abstract void addParameters(RequestMap request);

    /** The exact request the engine receives. */
    public Map<String, Object> toRequest() {
        RequestMap r = new RequestMap().put("type", operationType()).put("account", account).put("location", location);
        addParameters(r);
        return r.put("failIfBusy", failIfBusy).build();
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
            return new FailedStart(context, StartErrors.message(functionName(), e));
        }
        if (isDryRun()) {
            return new PlanStepExecution(context, functionName(), request,
                    java.util.Collections.singletonList((String) request.get("account")), runtime);
        }
        return new ClusterDeployStepExecution(context, functionName(), request, null, runtime);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
