package io.jenkins.plugins.clusterdeploy.steps;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.clusterdeploy.progress.RequestMap;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** A deploy's {@code rollback} settings: {@code rollback: [onFailure: true, destroyLatest: false]} in a Pipeline. */
public final class DeployRollback implements Describable<DeployRollback> {
    private Boolean onFailure;
    private Boolean destroyLatest;

    @DataBoundConstructor
    public DeployRollback() {
    }

    public Boolean getOnFailure() {
        return onFailure;
    }

    @DataBoundSetter
    public void setOnFailure(Boolean onFailure) {
        this.onFailure = onFailure;
    }

    public Boolean getDestroyLatest() {
        return destroyLatest;
    }

    @DataBoundSetter
    public void setDestroyLatest(Boolean destroyLatest) {
        this.destroyLatest = destroyLatest;
    }

    RequestMap toRequest() {
        return new RequestMap().put("onFailure", onFailure).put("destroyLatest", destroyLatest);
    }

    @Extension
    @Symbol("rollback")
    public static final class DescriptorImpl extends Descriptor<DeployRollback> {
        public DescriptorImpl() {
            super(DeployRollback.class);
        }

        @Override
        public String getDisplayName() {
            return "Rollback";
        }
    }
}
