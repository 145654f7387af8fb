package io.jenkins.plugins.clusterdeploy.steps;

import hudson.Extension;
import io.clusterdeploy.engine.deploy.Strategy;
import io.jenkins.plugins.clusterdeploy.form.FormFields;
import io.jenkins.plugins.clusterdeploy.form.FormText;
import io.jenkins.plugins.clusterdeploy.progress.RequestMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * {@code deployServerGroup}: Spinnaker's deploy stage. Creates the next server group of the cluster
 * {@code application[-stack[-freeFormDetails]]} and applies the strategy ({@code none}, {@code highlander},
 * {@code redblack}, {@code rollingredblack}, {@code canary} with its {@code canary} settings). Returns {@code newServerGroup}, {@code previousServerGroups},
 * {@code disabledServerGroups}, {@code destroyedServerGroups}, {@code scaledDownServerGroups}, {@code status} and
 * {@code operationId}. A rolling deploy that must run a validation at each step is
 * {@code deployServerGroupWithValidation}, which takes a body.
 */
public class DeployServerGroupStep extends ClusterDeployStep {
    public static final String FUNCTION = "deployServerGroup";
    /** The engine's strategies, by the ids the {@code strategy} parameter takes. */
    public static final List<String> STRATEGIES = Arrays.stream(Strategy.values()).map(Strategy::id).toList();

    private final String application;
    private String stack;
    private String freeFormDetails;
    private ServerGroupCapacity capacity;
    private List<String> loadBalancers;
    private List<String> securityGroups;
    private Map<String, Object> spec;
    private String strategy;
    private Integer maxRemainingAsgs;
    private Integer delayBeforeDisableSec;
    private Boolean scaleDown;
    private Integer delayBeforeScaleDownSec;
    private Boolean allowDeleteActive;
    private Boolean useSourceCapacity;
    private Integer targetHealthyDeployPercentage;
    private Integer deployTimeoutSec;
    private DeployRollback rollback;
    private List<Integer> targetPercentages;
    private Map<String, Object> canary;

    @DataBoundConstructor
    public DeployServerGroupStep(String account, String application) {
        super(account);
        this.application = application;
    }

    @Override
    public String functionName() {
        return FUNCTION;
    }

    @Override
    protected String operationType() {
        return "deploy";
    }

    @Override
    protected void addParameters(RequestMap r) {
        r.put("application", application).put("stack", stack).put("freeFormDetails", freeFormDetails)
                .putObject("capacity", capacity == null ? null : capacity.toRequest())
                .put("loadBalancers", loadBalancers).put("securityGroups", securityGroups).put("spec", spec)
                .put("strategy", strategyForRequest())
                .put("maxRemainingAsgs", maxRemainingAsgs).put("delayBeforeDisableSec", delayBeforeDisableSec)
                .put("scaleDown", scaleDown).put("delayBeforeScaleDownSec", delayBeforeScaleDownSec)
                .put("allowDeleteActive", allowDeleteActive).put("useSourceCapacity", useSourceCapacity)
                .put("targetHealthyDeployPercentage", targetHealthyDeployPercentage)
                .put("deployTimeoutSec", deployTimeoutSec)
                .putObject("rollback", rollback == null ? null : rollback.toRequest())
                .put("targetPercentages", targetPercentages).put("canary", canary);
    }

    /** The strategy as sent to the engine (the validation variant defaults to rolling red/black). */
    protected String strategyForRequest() {
        return strategy;
    }

    public String getApplication() {
        return application;
    }

    public String getStack() {
        return stack;
    }

    @DataBoundSetter
    public void setStack(String stack) {
        this.stack = blankToNull(stack);
    }

    public String getFreeFormDetails() {
        return freeFormDetails;
    }

    @DataBoundSetter
    public void setFreeFormDetails(String freeFormDetails) {
        this.freeFormDetails = blankToNull(freeFormDetails);
    }

    public ServerGroupCapacity getCapacity() {
        return capacity;
    }

    @DataBoundSetter
    public void setCapacity(ServerGroupCapacity capacity) {
        this.capacity = capacity;
    }

    public List<String> getLoadBalancers() {
        return loadBalancers;
    }

    @DataBoundSetter
    public void setLoadBalancers(List<String> loadBalancers) {
        this.loadBalancers = loadBalancers == null ? null : new ArrayList<>(loadBalancers);
    }

    public List<String> getSecurityGroups() {
        return securityGroups;
    }

    @DataBoundSetter
    public void setSecurityGroups(List<String> securityGroups) {
        this.securityGroups = securityGroups == null ? null : new ArrayList<>(securityGroups);
    }

    public Map<String, Object> getSpec() {
        return spec;
    }

    /** What to run, in the provider's terms; for the local provider {@code command}, {@code healthCheckPath}, {@code env}. */
    @DataBoundSetter
    public void setSpec(Map<String, Object> spec) {
        this.spec = spec == null ? null : new LinkedHashMap<>(spec);
    }

    public String getStrategy() {
        return strategy;
    }

    @DataBoundSetter
    public void setStrategy(String strategy) {
        this.strategy = blankToNull(strategy);
    }

    public Integer getMaxRemainingAsgs() {
        return maxRemainingAsgs;
    }

    @DataBoundSetter
    public void setMaxRemainingAsgs(Integer maxRemainingAsgs) {
        this.maxRemainingAsgs = maxRemainingAsgs;
    }

    public Integer getDelayBeforeDisableSec() {
        return delayBeforeDisableSec;
    }

    @DataBoundSetter
    public void setDelayBeforeDisableSec(Integer delayBeforeDisableSec) {
        this.delayBeforeDisableSec = delayBeforeDisableSec;
    }

    public Boolean getScaleDown() {
        return scaleDown;
    }

    @DataBoundSetter
    public void setScaleDown(Boolean scaleDown) {
        this.scaleDown = scaleDown;
    }

    public Integer getDelayBeforeScaleDownSec() {
        return delayBeforeScaleDownSec;
    }

    @DataBoundSetter
    public void setDelayBeforeScaleDownSec(Integer delayBeforeScaleDownSec) {
        this.delayBeforeScaleDownSec = delayBeforeScaleDownSec;
    }

    public Boolean getAllowDeleteActive() {
        return allowDeleteActive;
    }

    @DataBoundSetter
    public void setAllowDeleteActive(Boolean allowDeleteActive) {
        this.allowDeleteActive = allowDeleteActive;
    }

    public Boolean getUseSourceCapacity() {
        return useSourceCapacity;
    }

    @DataBoundSetter
    public void setUseSourceCapacity(Boolean useSourceCapacity) {
        this.useSourceCapacity = useSourceCapacity;
    }

    public Integer getTargetHealthyDeployPercentage() {
        return targetHealthyDeployPercentage;
    }

    @DataBoundSetter
    public void setTargetHealthyDeployPercentage(Integer targetHealthyDeployPercentage) {
        this.targetHealthyDeployPercentage = targetHealthyDeployPercentage;
    }

    public Integer getDeployTimeoutSec() {
        return deployTimeoutSec;
    }

    @DataBoundSetter
    public void setDeployTimeoutSec(Integer deployTimeoutSec) {
        this.deployTimeoutSec = deployTimeoutSec;
    }

    public DeployRollback getRollback() {
        return rollback;
    }

    @DataBoundSetter
    public void setRollback(DeployRollback rollback) {
        this.rollback = rollback;
    }

    public List<Integer> getTargetPercentages() {
        return targetPercentages;
    }

    @DataBoundSetter
    public void setTargetPercentages(List<Integer> targetPercentages) {
        this.targetPercentages = targetPercentages == null ? null : new ArrayList<>(targetPercentages);
    }

    public Map<String, Object> getCanary() {
        return canary;
    }

    /**
     * With {@code strategy: 'canary'}: {@code lifetime}, {@code config} (e.g. {@code readJSON(file: 'canary.json')})
     * and the optional {@code canaryCapacity}, {@code trafficPercent}, {@code warmup}, {@code interval},
     * {@code lookback}, {@code step}, {@code scoreThresholds}, {@code onMarginal}, {@code productionStrategy}; the
     * engine checks each, naming it.
     */
    @DataBoundSetter
    public void setCanary(Map<String, Object> canary) {
        this.canary = canary == null || canary.isEmpty() ? null : new LinkedHashMap<>(canary);
    }

    /** The form shows lists as one entry per line and {@code spec} as JSON; this reads them back. */
    public abstract static class FormDescriptor extends ClusterDeployStepDescriptor {
        protected FormDescriptor(String functionName, String displayName) {
            super(functionName, displayName);
        }

        @Override
        public boolean isClusterOperation() {
            return false;
        }

        public List<String> getStrategies() {
            return STRATEGIES;
        }

        @Override
        public DeployServerGroupStep newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            FormFields text = new FormFields(formData);
            List<String> loadBalancers = text.takeLines("loadBalancers");
            List<String> securityGroups = text.takeLines("securityGroups");
            List<Integer> targetPercentages = text.takeIntegers("targetPercentages");
            Map<String, Object> spec = text.takeJsonObject("spec");
            Map<String, Object> canary = text.takeJsonObject("canary");
            DeployServerGroupStep step = (DeployServerGroupStep) super.newInstance(req, formData);
            step.setLoadBalancers(loadBalancers == null || loadBalancers.isEmpty() ? null : loadBalancers);
            step.setSecurityGroups(securityGroups == null || securityGroups.isEmpty() ? null : securityGroups);
            step.setTargetPercentages(targetPercentages);
            step.setSpec(spec);
            step.setCanary(canary);
            return step;
        }

        public String linesText(List<?> values) {
            return FormText.linesText(values);
        }

        public String integersText(List<Integer> values) {
            return FormText.integersText(values);
        }

        public String jsonText(Map<String, Object> value) {
            return FormText.jsonText(value);
        }
    }

    @Extension
    @Symbol(FUNCTION)
    public static final class DescriptorImpl extends FormDescriptor {
        public DescriptorImpl() {
            super(FUNCTION, "Deploy server group (Cluster Deploy)");
        }
    }
}
