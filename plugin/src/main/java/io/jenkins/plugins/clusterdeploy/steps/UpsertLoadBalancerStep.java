package io.jenkins.plugins.clusterdeploy.steps;

import hudson.Extension;
import io.jenkins.plugins.clusterdeploy.form.FormFields;
import io.jenkins.plugins.clusterdeploy.form.FormText;
import io.jenkins.plugins.clusterdeploy.progress.RequestMap;
import java.util.LinkedHashMap;
import java.util.Map;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * {@code upsertLoadBalancer}: creates or updates the load balancer {@code name} (a cluster-style name, no version)
 * with the provider's {@code spec} (the local provider: {@code port}). Returns {@code operationId} and
 * {@code status}.
 */
public class UpsertLoadBalancerStep extends ClusterDeployStep {
    public static final String FUNCTION = "upsertLoadBalancer";

    private final String name;
    private Map<String, Object> spec;

    @DataBoundConstructor
    public UpsertLoadBalancerStep(String account, String name) {
        super(account);
        this.name = name;
    }

    @Override
    public String functionName() {
        return FUNCTION;
    }

    @Override
    protected String operationType() {
        return "upsertLoadBalancer";
    }

    @Override
    protected void addParameters(RequestMap request) {
        request.put("name", name).put("spec", spec);
    }

    public String getName() {
        return name;
    }

    public Map<String, Object> getSpec() {
        return spec;
    }

    @DataBoundSetter
    public void setSpec(Map<String, Object> spec) {
        this.spec = spec == null ? null : new LinkedHashMap<>(spec);
    }

    @Extension
    @Symbol(FUNCTION)
    public static final class DescriptorImpl extends ClusterDeployStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION, "Create or update load balancer (Cluster Deploy)");
        }

        /** The form shows {@code spec} as JSON; this reads it back. */
        @Override
        public UpsertLoadBalancerStep newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            Map<String, Object> spec = new FormFields(formData).takeJsonObject("spec");
            UpsertLoadBalancerStep step = (UpsertLoadBalancerStep) super.newInstance(req, formData);
            step.setSpec(spec);
            return step;
        }

        public String jsonText(Map<String, Object> value) {
            return FormText.jsonText(value);
        }
    }
}
