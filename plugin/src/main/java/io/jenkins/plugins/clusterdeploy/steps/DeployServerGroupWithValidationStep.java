package io.jenkins.plugins.clusterdeploy.steps;

import hudson.Extension;
import io.clusterdeploy.engine.deploy.Strategy;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.jenkins.plugins.clusterdeploy.progress.StartErrors;
import io.jenkins.plugins.clusterdeploy.runtime.ClusterDeployRuntime;
import io.jenkins.plugins.clusterdeploy.validation.BodyValidationHooks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code deployServerGroupWithValidation { ... }}: a rolling red/black deploy whose body runs at every target
 * percentage, after the new group's health gate and before the same share of the source's traffic is taken away.
 * A failing body fails the roll (and rolls back when {@code rollback.onFailure} is set). The body sees
 * {@code CLUSTER_DEPLOY_PERCENTAGE}, {@code CLUSTER_DEPLOY_SERVER_GROUP} and {@code CLUSTER_DEPLOY_OPERATION_ID}.
 * Same parameters and result as {@code deployServerGroup}; the strategy defaults to, and must be,
 * {@code rollingredblack}. (A Pipeline step either always or never takes a body, hence a step of its own.)
 */
public class DeployServerGroupWithValidationStep extends DeployServerGroupStep {
    public static final String FUNCTION = "deployServerGroupWithValidation";
    static final String ROLLING = Strategy.ROLLINGREDBLACK.id();

    @DataBoundConstructor
    public DeployServerGroupWithValidationStep(String account, String application) {
        super(account, application);
    }

    @Override
    public String functionName() {
        return FUNCTION;
    }

    @Override
    protected String strategyForRequest() {
        return getStrategy() == null ? ROLLING : getStrategy();
    }

    /** The request without its validation token (tokens are made per execution). */
    @Override
    public Map<String, Object> toRequest() {
        String strategy = strategyForRequest();
        if (!ROLLING.equals(strategy)) {
            throw ClusterDeployException.invalid("strategy", "strategy must be rollingredblack (or left out) for a"
                    + " deploy with a validation body, was '" + strategy + "'; use deployServerGroup for other strategies");
        }
        return super.toRequest();
    }

    /** The request this execution sends: the parameters plus {@code validation: {body: token}}. */
    static Map<String, Object> withValidation(Map<String, Object> request, String token) {
        Map<String, Object> out = new LinkedHashMap<>(request);
        out.put("validation", Map.of(BodyValidationHooks.BODY, token));
        return out;
    }

    @Override
    public StepExecution newExecution(StepContext context, ClusterDeployRuntime runtime) {
        Map<String, Object> request;
        try {
            request = toRequest();
        } catch (ClusterDeployException e) {
            return new FailedStart(context, StartErrors.message(FUNCTION, e));
        }
        String token = UUID.randomUUID().toString();
        return new ClusterDeployStepExecution(context, FUNCTION, withValidation(request, token), token, runtime);
    }

    @Extension
    @Symbol(FUNCTION)
    public static final class DescriptorImpl extends FormDescriptor {
        public DescriptorImpl() {
            super(FUNCTION, "Rolling red/black deploy with a validation body (Cluster Deploy)");
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }
    }
}
