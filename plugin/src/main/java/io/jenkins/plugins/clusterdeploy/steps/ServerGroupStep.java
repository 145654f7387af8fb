package io.jenkins.plugins.clusterdeploy.steps;

import io.jenkins.plugins.clusterdeploy.progress.RequestMap;

/** A step on one server group, named by {@code serverGroupName} ({@code app-stack-detail-vNNN}). */
public abstract class ServerGroupStep extends ClusterDeployStep {
    private final String serverGroupName;

    protected ServerGroupStep(String account, String serverGroupName) {
        super(account);
        this.serverGroupName = serverGroupName;
    }

    public String getServerGroupName() {
        return serverGroupName;
    }

    @Override
    protected final void addParameters(RequestMap request) {
        request.put("serverGroupName", serverGroupName);
        addServerGroupParameters(request);
    }

    protected abstract void addServerGroupParameters(RequestMap request);
}
