package io.jenkins.plugins.clusterdeploy.steps;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.clusterdeploy.progress.RequestMap;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** A server group's size: {@code capacity: [min: 2, desired: 3, max: 5]} in a Pipeline. The engine checks min ≤ desired ≤ max. */
public final class ServerGroupCapacity implements Describable<ServerGroupCapacity> {
    private final int min;
    private final int desired;
    private final int max;

    @DataBoundConstructor
    public ServerGroupCapacity(int min, int desired, int max) {
        this.min = min;
        this.desired = desired;
        this.max = max;
    }

    public int getMin() {
        return min;
    }

    public int getDesired() {
        return desired;
    }

    public int getMax() {
        return max;
    }

    RequestMap toRequest() {
        return new RequestMap().put("min", min).put("desired", desired).put("max", max);
    }

    @Extension
    @Symbol("capacity")
    public static final class DescriptorImpl extends Descriptor<ServerGroupCapacity> {
        public DescriptorImpl() {
            super(ServerGroupCapacity.class);
        }

        @Override
        public String getDisplayName() {
            return "Capacity";
        }
    }
}
