package io.clusterdeploy.engine.deploy.canary;

import io.clusterdeploy.engine.analysis.CanaryJudgement;
import io.clusterdeploy.engine.deploy.CanarySettings;
import io.clusterdeploy.engine.deploy.DeployRequest;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.TrafficSplit;
import java.util.List;

/** What the canary's steps share: the size and placement of its groups, and the checks made before anything runs. */
public final class CanaryDeploy {
    private CanaryDeploy() {
    }

    static Capacity capacity(DeployRequest request) {
        int n = request.canary().canaryCapacity();
        return new Capacity(n, n, n);
    }

    /** Production's load balancers, so that baseline and canary take a slice of its real traffic. */
    static List<String> loadBalancers(DeployRequest request, ServerGroup production) {
        return request.loadBalancers().isEmpty() ? production.loadBalancers() : request.loadBalancers();
    }

    /**
     * Refuses, before anything is stored, a canary that could not run: no serving production group to copy, a
     * cloud that cannot say what that group runs, no load balancer to share, weights the cloud cannot set.
     */
    public static void preflight(CloudProvider provider, DeployRequest request) {
        CanarySettings settings = request.canary();
        ServerGroup production = ProductionGroup.serving(provider, request);
        if (provider.deploySpec(request.location(), production.name()).isEmpty()) {
            throw ClusterDeployException.invalid("strategy", "canary deploys are not available on account '"
                    + provider.account().name() + "' (" + provider.account().provider() + "): it cannot say what "
                    + production.name() + " runs, so no baseline can copy it");
        }
        if (loadBalancers(request, production).isEmpty()) {
            throw ClusterDeployException.invalid("loadBalancers", "a canary takes a slice of production's traffic, but "
                    + production.name() + " is in no load balancer and the deploy names none");
        }
        if (settings.trafficPercent() != null && provider.trafficSplit() != TrafficSplit.WEIGHTS) {
            throw ClusterDeployException.invalid(CanarySettings.FIELD + ".trafficPercent", "account '"
                    + provider.account().name() + "' (" + provider.account().provider() + ") splits traffic "
                    + provider.trafficSplit().description() + ", so baseline and canary take their share of the "
                    + "instances; leave " + CanarySettings.FIELD + ".trafficPercent out");
        }
    }

    /** The judge of each interval, its queries checked against their sources now. */
    public static CanaryJudgement judgement(CanarySettings settings, io.clusterdeploy.engine.canary.source.MetricSources
            sources) {
        CanaryJudgement judgement = new CanaryJudgement(settings.config(), settings.thresholds(), sources);
        judgement.validate(CanarySettings.FIELD + ".config");
        return judgement;
    }
}
