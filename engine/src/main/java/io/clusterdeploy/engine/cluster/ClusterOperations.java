package io.clusterdeploy.engine.cluster;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.Operation;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.ClusterGroups;
import java.util.List;
import java.util.Locale;

/**
 * Spinnaker's cluster-wide stages: disableCluster, scaleDownCluster, shrinkCluster,
 * findImageFromCluster and the clusterSize check. rollbackCluster has its own class.
 */
public final class ClusterOperations {
    private ClusterOperations() {
    }

    private static void requireCluster(CloudProvider provider, ClusterRef ref) {
        if (ClusterGroups.of(provider, ref.location(), ref.cluster()).isEmpty()) {
            throw ClusterDeployException.notFound("cluster", "cluster '" + ref.cluster() + "' has no server groups in account '"
                    + ref.account() + "', location '" + ref.location() + "'");
        }
    }

    /** The groups minus those an operation takes out of traffic, for guard checks. */
    static List<ServerGroup> without(List<ServerGroup> groups, List<ServerGroup> removed) {
        List<String> names = removed.stream().map(ServerGroup::name).toList();
        return groups.stream().filter(sg -> !names.contains(sg.name())).toList();
    }

    /** Disables every enabled group except the first {@code remainingEnabledServerGroups}. */
    public static Operation disableCluster(Fields f, String account, String location, TrafficGuards guards) {
        ClusterRef ref = ClusterRef.parse(f, account, location);
        int remaining = f.optionalInt("remainingEnabledServerGroups", 1, 0, 1000);
        boolean preferLarger = f.optionalBoolean("preferLargerOverNewer", false);
        return Operation.of("disableCluster", ref.target(), p -> {
            requireCluster(p, ref);
            guards.verify(p, ref.location(), ref.cluster(), "disableCluster", groups ->
                    without(groups, DisableClusterStep.toDisable(groups, remaining, preferLarger)));
        }, List.of(new DisableClusterStep(ref.location(), ref.cluster(), remaining, preferLarger)));
    }

    /** Scales every group but the first {@code remainingFullSizeServerGroups} to 0/0/0. */
    public static Operation scaleDownCluster(Fields f, String account, String location, TrafficGuards guards) {
        ClusterRef ref = ClusterRef.parse(f, account, location);
        int remaining = f.optionalInt("remainingFullSizeServerGroups", 1, 0, 1000);
        boolean allowActive = f.optionalBoolean("allowScaleDownActive", false);
        boolean preferLarger = f.optionalBoolean("preferLargerOverNewer", false);
        return Operation.of("scaleDownCluster", ref.target(), p -> {
            requireCluster(p, ref);
            guards.verify(p, ref.location(), ref.cluster(), "scaleDownCluster", groups -> without(groups,
                    ScaleDownClusterStep.toScaleDown(groups, remaining, allowActive, preferLarger)));
        }, List.of(new ScaleDownClusterStep(ref.location(), ref.cluster(), remaining, allowActive, preferLarger)));
    }

    /** Destroys the groups beyond {@code shrinkToSize}, oldest (or smallest) first. */
    public static Operation shrinkCluster(Fields f, String account, String location, TrafficGuards guards) {
        ClusterRef ref = ClusterRef.parse(f, account, location);
        int shrinkToSize = f.optionalInt("shrinkToSize", 1, 1, 1000);
        boolean allowDeleteActive = f.optionalBoolean("allowDeleteActive", false);
        boolean retainLarger = f.optionalBoolean("retainLargerOverNewer", false);
        return Operation.of("shrinkCluster", ref.target(), p -> {
            requireCluster(p, ref);
            guards.verify(p, ref.location(), ref.cluster(), "shrinkCluster", groups -> without(groups,
                    ShrinkClusterStep.toDestroy(groups, shrinkToSize, allowDeleteActive, retainLarger)));
        }, List.of(new ShrinkClusterStep(ref.location(), ref.cluster(), shrinkToSize, allowDeleteActive, retainLarger)));
    }

    /** Finds the image (artifact) running in a cluster; the result is in the context as {@code image}. */
    public static Operation findImageFromCluster(Fields f, String account, String location) {
        ClusterRef ref = ClusterRef.parse(f, account, location);
        boolean onlyEnabled = f.optionalBoolean("onlyEnabled", true);
        String sel = f.optionalString("selectionStrategy", "NEWEST").toUpperCase(Locale.ROOT);
        FindImageStep.Selection selection;
        try {
            selection = FindImageStep.Selection.valueOf(sel);
        } catch (IllegalArgumentException e) {
            throw ClusterDeployException.invalid(f.path("selectionStrategy"),
                    "selectionStrategy must be NEWEST, LARGEST, OLDEST or FAIL, was '" + sel + "'");
        }
        return Operation.of("findImageFromCluster", ref.target(), p -> FindImageStep.candidates(p, ref, onlyEnabled),
                List.of(new FindImageStep(ref, onlyEnabled, selection)));
    }

    /** The clusterSize precondition: compares the number of server groups with {@code expected}. */
    public static Operation checkClusterSize(Fields f, String account, String location) {
        ClusterRef ref = ClusterRef.parse(f, account, location);
        int expected = f.requiredInt("expected", 0, 1000);
        String comparison = f.optionalString("comparison", "==");
        if (!CheckClusterSizeStep.COMPARISONS.contains(comparison)) {
            throw ClusterDeployException.invalid(f.path("comparison"),
                    "comparison must be one of ==, !=, <, <=, >, >=, was '" + comparison + "'");
        }
        boolean onlyEnabled = f.optionalBoolean("onlyEnabledServerGroups", false);
        return Operation.of("checkClusterSize", ref.target(), Operation.Preflight.NONE,
                List.of(new CheckClusterSizeStep(ref, expected, comparison, onlyEnabled)));
    }
}
