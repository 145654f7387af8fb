package io.jenkins.plugins.clusterdeploy.account;

import hudson.Extension;
import hudson.util.FormValidation;
import io.clusterdeploy.provider.local.LocalProviderFactory;
import io.jenkins.plugins.clusterdeploy.runtime.EngineService;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * An account of the {@code local} provider: server groups are processes on the Jenkins controller, behind a
 * loopback load balancer. Because that runs arbitrary commands on the controller, a local account is disabled until
 * an administrator enables it, and only the jobs its {@code allowedJobs} name may use it (an empty list lets none in).
 */
public final class LocalAccount extends CloudAccount {
    private boolean enabled;
    private Integer healthCheckIntervalMillis;
    private String stateDir;

    @DataBoundConstructor
    public LocalAccount(String name) {
        super(name);
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @DataBoundSetter
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Integer getHealthCheckIntervalMillis() {
        return healthCheckIntervalMillis;
    }

    @DataBoundSetter
    public void setHealthCheckIntervalMillis(Integer healthCheckIntervalMillis) {
        this.healthCheckIntervalMillis = healthCheckIntervalMillis;
    }

    public String getStateDir() {
        return stateDir;
    }

    @DataBoundSetter
    public void setStateDir(String stateDir) {
        this.stateDir = stateDir == null || stateDir.isBlank() ? null : stateDir.strip();
    }

    @Override
    public String getProviderType() {
        return LocalProviderFactory.TYPE;
    }

    @Override
    protected Map<String, Object> providerSettings(AccountDefaults defaults) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("stateDir", stateDir != null ? stateDir : defaults.stateDirOf(getName()).toString());
        if (healthCheckIntervalMillis != null) {
            s.put("healthCheckIntervalMillis", healthCheckIntervalMillis);
        }
        return s;
    }

    @Override
    protected boolean requiresAllowlist() {
        return true;
    }

    @Extension
    @Symbol("local")
    public static final class DescriptorImpl extends CloudAccountDescriptor {
        public DescriptorImpl() {
            super(LocalAccount.class);
        }

        @Override
        public String getDisplayName() {
            return "Local processes on the Jenkins controller";
        }

        @Override
        public boolean isAllowlistRequired() {
            return true;
        }

        @POST
        public FormValidation doCheckHealthCheckIntervalMillis(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return AccountFormChecks.wholeNumber(value, 10, 60_000, true);
        }

        @POST
        public FormValidation doTestConnection(@QueryParameter String name, @QueryParameter String stateDir) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            FormValidation nameCheck = AccountFormChecks.name(name);
            if (nameCheck.kind != FormValidation.Kind.OK) {
                return nameCheck;
            }
            EngineService engine = EngineService.get();
            Path fallback = engine.paths().accountDefaults().stateDirOf(name.strip());
            return LocalStateDirProbe.probe(stateDir, fallback, engine.describeAccount(name.strip()));
        }
    }
}
