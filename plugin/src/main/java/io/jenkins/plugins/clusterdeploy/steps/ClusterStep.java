package io.jenkins.plugins.clusterdeploy.steps;

import io.jenkins.plugins.clusterdeploy.progress.RequestMap;

/** A step on a whole cluster, named by {@code cluster} ({@code app[-stack[-detail]]}, no version). */
public abstract class ClusterStep extends ClusterDeployStep {
    private final String cluster;

    protected ClusterStep(String account, String cluster) {
        super(account);
        this.cluster = cluster;
    }

    public String getCluster() {
        return cluster;
    }

    @Override
    protected final void addParameters(RequestMap request) {
        request.put("cluster", cluster);
        addClusterParameters(request);
    }

    protected abstract void addClusterParameters(RequestMap request);
}
