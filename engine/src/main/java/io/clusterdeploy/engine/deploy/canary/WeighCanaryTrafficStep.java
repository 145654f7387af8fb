package io.clusterdeploy.engine.deploy.canary;

import io.clusterdeploy.engine.deploy.DeployRequest;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.ClusterGroups;
import io.clusterdeploy.engine.provider.TrafficSplit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives baseline and canary each their {@code trafficPercent} of production's load balancers, where the cloud sets
 * exact weights; without a percentage (or on a cloud that cannot) they take their share of the instances. Records
 * which, for the report. Setting the same weights again is a no-op, so a resumed run repeats it safely.
 */
public final class WeighCanaryTrafficStep implements OperationStep {
    private final DeployRequest request;

    public WeighCanaryTrafficStep(DeployRequest request) {
        this.request = request;
    }

    @Override
    public String run(OperationContext ctx) {
        CloudProvider provider = ctx.provider();
        CanaryRecord record = CanaryRecord.of(ctx);
        String baseline = record.string(CanaryRecord.BASELINE);
        String canary = record.string(CanaryRecord.CANARY);
        ServerGroup production = ClusterGroups.require(provider, request.location(),
                record.string(CanaryRecord.PRODUCTION), "serverGroupName");
        List<String> loadBalancers = CanaryDeploy.loadBalancers(request, production);
        Integer percent = request.canary().trafficPercent();
        Map<String, Object> traffic = new LinkedHashMap<>();
        traffic.put("loadBalancers", loadBalancers);
        if (percent != null) {
            Map<String, Integer> weights = new LinkedHashMap<>();
            weights.put(baseline, percent);
            weights.put(canary, percent);
            provider.weighTraffic(request.location(), loadBalancers, weights);
            traffic.put("split", TrafficSplit.WEIGHTS.description());
            traffic.put("percent", percent);
        } else {
            traffic.put("split", provider.trafficSplit().description());
            // The share by instance count, as the load balancers see it now.
            long all = ClusterGroups.of(provider, request.location(), request.clusterName()).stream()
                    .filter(ServerGroup::enabled).mapToLong(ServerGroup::upCount).sum();
            long each = CanaryDeploy.capacity(request).desired();
            traffic.put("percent", Math.round(1000.0 * each / (all + 2 * each)) / 10.0);
        }
        record.put(CanaryRecord.TRAFFIC, traffic);
        return percent != null ? "baseline " + baseline + " and canary " + canary + " each take " + percent
                + "% of " + String.join(", ", loadBalancers)
                : "baseline and canary take their share of " + String.join(", ", loadBalancers) + " by instance count ("
                + traffic.get("percent") + "% each)";
    }
}
