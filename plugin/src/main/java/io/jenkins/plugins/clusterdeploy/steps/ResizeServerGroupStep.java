package io.jenkins.plugins.clusterdeploy.steps;

import hudson.Extension;
import io.jenkins.plugins.clusterdeploy.progress.RequestMap;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code resizeServerGroup}: sets a server group's capacity ({@code capacity}), or scales it relatively
 * ({@code action: 'scale_up'|'scale_down'} with {@code scaleNum} or {@code scalePct}), then waits until the
 * desired number of instances is up (up to {@code timeoutSec}).
 * Returns {@code operationId}, {@code status} and the server groups it touched, by what it did to them.
 */
public class ResizeServerGroupStep extends ServerGroupStep {
    public static final String FUNCTION = "resizeServerGroup";

    private ServerGroupCapacity capacity;
    private String action;
    private Integer scaleNum;
    private Integer scalePct;
    private Integer timeoutSec;

    @DataBoundConstructor
    public ResizeServerGroupStep(String account, String serverGroupName) {
        super(account, serverGroupName);
    }

    @Override
    public String functionName() {
        return FUNCTION;
    }

    @Override
    protected String operationType() {
        return "resize";
    }

    @Override
    protected void addServerGroupParameters(RequestMap request) {
        request.putObject("capacity", capacity == null ? null : capacity.toRequest())
                .put("action", action)
                .put("scaleNum", scaleNum)
                .put("scalePct", scalePct)
                .put("timeoutSec", timeoutSec);
    }

    public ServerGroupCapacity getCapacity() {
        return capacity;
    }

    @DataBoundSetter
    public void setCapacity(ServerGroupCapacity capacity) {
        this.capacity = capacity;
    }

    public String getAction() {
        return action;
    }

    @DataBoundSetter
    public void setAction(String action) {
        this.action = blankToNull(action);
    }

    public Integer getScaleNum() {
        return scaleNum;
    }

    @DataBoundSetter
    public void setScaleNum(Integer scaleNum) {
        this.scaleNum = scaleNum;
    }

    public Integer getScalePct() {
        return scalePct;
    }

    @DataBoundSetter
    public void setScalePct(Integer scalePct) {
        this.scalePct = scalePct;
    }

    public Integer getTimeoutSec() {
        return timeoutSec;
    }

    @DataBoundSetter
    public void setTimeoutSec(Integer timeoutSec) {
        this.timeoutSec = timeoutSec;
    }

    @Extension
    @Symbol(FUNCTION)
    public static final class DescriptorImpl extends ClusterDeployStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION, "Resize server group (Cluster Deploy)");
        }
    }
}
