package io.jenkins.plugins.clusterdeploy.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.clusterdeploy.engine.guard.TrafficGuard;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** A traffic guard in the global configuration: a cluster no operation may leave without an enabled, up instance. */
public final class TrafficGuardEntry implements Describable<TrafficGuardEntry> {
    private final String account;
    private final String cluster;
    private String location;

    @DataBoundConstructor
    public TrafficGuardEntry(String account, String cluster) {
        this.account = account == null ? null : account.strip();
        this.cluster = cluster == null ? null : cluster.strip();
    }

    public String getAccount() {
        return account;
    }

    public String getCluster() {
        return cluster;
    }

    public String getLocation() {
        return location;
    }

    @DataBoundSetter
    public void setLocation(String location) {
        this.location = location == null || location.isBlank() ? null : location.strip();
    }

    public TrafficGuard toGuard() {
        return new TrafficGuard(account == null ? "" : account, location, cluster == null ? "" : cluster);
    }

    @Extension
    @Symbol("trafficGuard")
    public static final class DescriptorImpl extends Descriptor<TrafficGuardEntry> {
        public DescriptorImpl() {
            super(TrafficGuardEntry.class);
        }

        @Override
        public String getDisplayName() {
            return "Traffic guard";
        }
    }
}
