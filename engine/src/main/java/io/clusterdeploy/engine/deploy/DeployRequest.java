package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.naming.ServerGroupName;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A deploy, as Spinnaker's deploy stage names its fields.
 *
 * @param account                       target account
 * @param location                      region, namespace or {@code local}
 * @param cluster                       validated cluster name (app-stack-detail, no version)
 * @param capacity                      capacity of the new group (null when taken from the source)
 * @param loadBalancers                 load balancers to associate with
 * @param securityGroups                security groups
 * @param spec                          provider-specific deploy input
 * @param strategy                      strategy
 * @param maxRemainingAsgs              red/black: keep at most this many groups (0 = no shrink)
 * @param delayBeforeDisableSec         red/black: wait before disabling the previous groups
 * @param scaleDown                     red/black: scale disabled groups to 0 afterwards
 * @param delayBeforeScaleDownSec       red/black: wait before scaling down
 * @param allowDeleteActive             shrink may destroy an active (enabled) group
 * @param useSourceCapacity             take capacity from the newest enabled group of the cluster
 * @param targetHealthyDeployPercentage health gate: share of desired instances that must be up
 * @param deployTimeout                 how long the health gate waits
 * @param rollbackOnFailure             on failure, restore the previous groups and disable the new one
 * @param rollbackDestroyLatest         when rolling back, destroy the new group instead of disabling it
 * @param targetPercentages             rolling red/black: the steps, increasing, ending at 100
 * @param validation                    rolling red/black: the hook to run at each step, as the front end names it (may be empty)
 * @param canary                        canary: its settings; null for every other strategy
 */
public record DeployRequest(
        String account,
        String location,
        ServerGroupName cluster,
        Capacity capacity,
        List<String> loadBalancers,
        List<String> securityGroups,
        Map<String, Object> spec,
        Strategy strategy,
        int maxRemainingAsgs,
        int delayBeforeDisableSec,
        boolean scaleDown,
        int delayBeforeScaleDownSec,
        boolean allowDeleteActive,
        boolean useSourceCapacity,
        int targetHealthyDeployPercentage,
        Duration deployTimeout,
        boolean rollbackOnFailure,
        boolean rollbackDestroyLatest,
        java.util.List<Integer> targetPercentages,
        Map<String, Object> validation,
        CanarySettings canary) {

    private static final int DAY = 86_400;

    /** Reads and checks every field; the location must already be resolved by the caller. */
    public static DeployRequest parse(Fields f, String account, String location) {
        ServerGroupName cluster = cluster(f);
        boolean useSourceCapacity = f.optionalBoolean("useSourceCapacity", false);
        Capacity capacity = useSourceCapacity && !f.has("capacity") ? null : f.capacity("capacity");
        List<String> loadBalancers = f.optionalStringList("loadBalancers");
        List<String> securityGroups = f.optionalStringList("securityGroups");
        Map<String, Object> spec = f.optionalMap("spec");
        Strategy strategy = Strategy.parse(f.path("strategy"), f.optionalString("strategy", "none"));
        int maxRemainingAsgs = f.optionalInt("maxRemainingAsgs", 0, 0, 1000);
        int delayBeforeDisableSec = f.optionalInt("delayBeforeDisableSec", 0, 0, DAY);
        boolean scaleDown = f.optionalBoolean("scaleDown", false);
        int delayBeforeScaleDownSec = f.optionalInt("delayBeforeScaleDownSec", 0, 0, DAY);
        boolean allowDeleteActive = f.optionalBoolean("allowDeleteActive", false);
        int pct = f.optionalInt("targetHealthyDeployPercentage", 100, 1, 100);
        int timeout = f.optionalInt("deployTimeoutSec", 600, 1, DAY);
        Fields rollback = f.object("rollback");
        boolean onFailure = rollback.optionalBoolean("onFailure", false);
        boolean destroyLatest = rollback.optionalBoolean("destroyLatest", false);
        rollback.rejectUnknown();
        CanarySettings canary = null;
        if (strategy == Strategy.CANARY) {
            canary = CanarySettings.parse(f);
            for (String part : List.of(CanarySettings.BASELINE, CanarySettings.CANARY)) {
                try {
                    cluster.withDetailAppended(part);
                } catch (ClusterDeployException e) {
                    throw ClusterDeployException.invalid(f.path("freeFormDetails"), "the canary's " + part
                            + " cluster cannot be named from this one: " + e.getMessage());
                }
            }
        } else if (f.has(CanarySettings.FIELD)) {
            throw ClusterDeployException.invalid(f.path(CanarySettings.FIELD),
                    CanarySettings.FIELD + " applies only to the canary strategy");
        }
        // Canary promotes with its production strategy, whose own fields apply.
        Strategy production = canary == null ? strategy : canary.productionStrategy();
        List<Integer> targets = List.of();
        Map<String, Object> validation = Map.of();
        if (production == Strategy.ROLLINGREDBLACK) {
            targets = TargetPercentages.parse(f.path("targetPercentages"), f.raw().get("targetPercentages"));
            f.has("targetPercentages");
            validation = f.optionalMap("validation");
        } else {
            for (String rollingOnly : List.of("targetPercentages", "validation")) {
                if (f.has(rollingOnly)) {
                    throw ClusterDeployException.invalid(f.path(rollingOnly),
                            rollingOnly + " applies only to the rollingredblack strategy (or a canary that "
                                    + "promotes with it)");
                }
            }
        }
        return new DeployRequest(account, location, cluster, capacity, loadBalancers, securityGroups, spec,
                strategy, maxRemainingAsgs, delayBeforeDisableSec, scaleDown, delayBeforeScaleDownSec,
                allowDeleteActive, useSourceCapacity, pct, Duration.ofSeconds(timeout), onFailure, destroyLatest,
                targets, validation, canary);
    }

    /** The strategy that moves production's traffic: the canary's production strategy, or the strategy itself. */
    public Strategy productionStrategy() {
        return canary == null ? strategy : canary.productionStrategy();
    }

    private static ServerGroupName cluster(Fields f) {
        try {
            return ServerGroupName.cluster(f.requiredString("application"), f.optionalString("stack", null),
                    f.optionalString("freeFormDetails", null));
        } catch (ClusterDeployException e) {
            // The naming rules call the third part "detail"; the request calls it freeFormDetails.
            if ("detail".equals(e.field())) {
                throw ClusterDeployException.invalid(f.path("freeFormDetails"), "freeFormDetails: " + e.getMessage());
            }
            throw e;
        }
    }

    public String clusterName() {
        return cluster.clusterName();
    }
}
