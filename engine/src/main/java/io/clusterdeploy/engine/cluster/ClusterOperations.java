package io.clusterdeploy.engine.cluster;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.ClusterGroups;
import io.clusterdeploy.engine.operation.ContextKeys;
import io.clusterdeploy.engine.operation.Operation;
import io.clusterdeploy.engine.operation.PlannedOperation;
import io.clusterdeploy.engine.operation.Steps;
import io.clusterdeploy.engine.provider.CloudProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

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

    /** Disables every enabled group except the first {@code remainingEnabledServerGroups}. */
    public static Operation disableCluster(Fields f, String account, String location, TrafficGuards guards) {
        ClusterRef ref = ClusterRef.parse(f, account, location);
        int remaining = f.optionalInt("remainingEnabledServerGroups", 1, 0, 1000);
        boolean preferLarger = f.optionalBoolean("preferLargerOverNewer", false);
        Function<List<ServerGroup>, List<ServerGroup>> toDisable = groups -> {
            List<ServerGroup> enabled = ClusterOrder.sort(groups.stream().filter(ServerGroup::enabled).toList(),
                    preferLarger);
            return enabled.subList(Math.min(remaining, enabled.size()), enabled.size());
        };
        return new PlannedOperation("disableCluster", ref.account(), ref.location(), ref.cluster(), p -> {
            requireCluster(p, ref);
            guards.verify(p, ref.location(), ref.cluster(), "disableCluster", groups ->
                    without(groups, toDisable.apply(groups)));
        }, List.of(
                Steps.named("disableCluster", ctx -> {
                    List<String> done = new ArrayList<>();
                    for (ServerGroup sg : toDisable.apply(ClusterGroups.of(ctx.provider(), ref.location(), ref.cluster()))) {
                        ctx.checkCancelled();
                        ctx.provider().disable(ref.location(), sg.name(), 100);
                        ctx.append(ContextKeys.DISABLED, sg.name());
                        done.add(sg.name());
                    }
                    return done.isEmpty() ? "nothing to disable" : "disabled " + String.join(", ", done);
                })), List.of());
    }

    /** The groups minus those an operation takes out of traffic, for guard checks. */
    static List<ServerGroup> without(List<ServerGroup> groups, List<ServerGroup> removed) {
        List<String> names = removed.stream().map(ServerGroup::name).toList();
        return groups.stream().filter(sg -> !names.contains(sg.name())).toList();
    }

    /** Scales every group but the first {@code remainingFullSizeServerGroups} to 0/0/0. */
    public static Operation scaleDownCluster(Fields f, String account, String location, TrafficGuards guards) {
        ClusterRef ref = ClusterRef.parse(f, account, location);
        int remaining = f.optionalInt("remainingFullSizeServerGroups", 1, 0, 1000);
        boolean allowActive = f.optionalBoolean("allowScaleDownActive", false);
        boolean preferLarger = f.optionalBoolean("preferLargerOverNewer", false);
        Function<List<ServerGroup>, List<ServerGroup>> beyond = groups -> {
            List<ServerGroup> sorted = ClusterOrder.sort(groups, preferLarger);
            return sorted.subList(Math.min(remaining, sorted.size()), sorted.size());
        };
        Function<List<ServerGroup>, List<ServerGroup>> toScale = groups -> beyond.apply(groups).stream()
                .filter(sg -> (allowActive || sg.disabled()) && !sg.capacity().isZero()).toList();
        return new PlannedOperation("scaleDownCluster", ref.account(), ref.location(), ref.cluster(), p -> {
            requireCluster(p, ref);
            guards.verify(p, ref.location(), ref.cluster(), "scaleDownCluster", groups ->
                    without(groups, toScale.apply(groups)));
        }, List.of(
                Steps.named("scaleDownCluster", ctx -> {
                    List<ServerGroup> groups = ClusterGroups.of(ctx.provider(), ref.location(), ref.cluster());
                    List<String> kept = beyond.apply(groups).stream()
                            .filter(sg -> sg.enabled() && !allowActive).map(ServerGroup::name).toList();
                    List<String> done = new ArrayList<>();
                    for (ServerGroup sg : toScale.apply(groups)) {
                        ctx.checkCancelled();
                        ctx.provider().resize(ref.location(), sg.name(), Capacity.ZERO);
                        ctx.append(ContextKeys.SCALED_DOWN, sg.name());
                        done.add(sg.name());
                    }
                    String msg = done.isEmpty() ? "nothing to scale down" : "scaled down " + String.join(", ", done);
                    return kept.isEmpty() ? msg
                            : msg + "; kept active " + String.join(", ", kept) + " (allowScaleDownActive is off)";
                })), List.of());
    }

    /** Destroys the groups beyond {@code shrinkToSize}, oldest (or smallest) first. */
    public static Operation shrinkCluster(Fields f, String account, String location, TrafficGuards guards) {
        ClusterRef ref = ClusterRef.parse(f, account, location);
        int shrinkToSize = f.optionalInt("shrinkToSize", 1, 1, 1000);
        boolean allowDeleteActive = f.optionalBoolean("allowDeleteActive", false);
        boolean retainLarger = f.optionalBoolean("retainLargerOverNewer", false);
        return new PlannedOperation("shrinkCluster", ref.account(), ref.location(), ref.cluster(), p -> {
            requireCluster(p, ref);
            guards.verify(p, ref.location(), ref.cluster(), "shrinkCluster", groups -> without(groups,
                    ShrinkClusterStep.toDestroy(groups, shrinkToSize, allowDeleteActive, retainLarger)));
        }, List.of(
                new ShrinkClusterStep(ref.location(), ref.cluster(), shrinkToSize, allowDeleteActive, retainLarger)),
                List.of());
    }

    /** How findImageFromCluster picks among several groups. */
    enum Selection { NEWEST, LARGEST, OLDEST, FAIL }

    /** Finds the image (artifact) running in a cluster; the result is in the context as {@code image}. */
    public static Operation findImageFromCluster(Fields f, String account, String location) {
        ClusterRef ref = ClusterRef.parse(f, account, location);
        boolean onlyEnabled = f.optionalBoolean("onlyEnabled", true);
        String sel = f.optionalString("selectionStrategy", "NEWEST").toUpperCase(Locale.ROOT);
        Selection selection;
        try {
            selection = Selection.valueOf(sel);
        } catch (IllegalArgumentException e) {
            throw ClusterDeployException.invalid(f.path("selectionStrategy"),
                    "selectionStrategy must be NEWEST, LARGEST, OLDEST or FAIL, was '" + sel + "'");
        }
        return new PlannedOperation("findImageFromCluster", ref.account(), ref.location(), ref.cluster(), p -> candidates(p, ref, onlyEnabled), List.of(
                Steps.named("findImage", ctx -> {
                    List<ServerGroup> found = candidates(ctx.provider(), ref, onlyEnabled);
                    ServerGroup chosen = switch (selection) {
                        case NEWEST -> found.get(0);
                        case OLDEST -> found.get(found.size() - 1);
                        case LARGEST -> ClusterOrder.sort(found, true).get(0);
                        case FAIL -> {
                            List<String> images = found.stream().map(ServerGroup::artifact)
                                    .filter(Objects::nonNull).distinct().toList();
                            if (images.size() > 1) {
                                throw ClusterDeployException.conflict("selectionStrategy", "cluster " + ref.cluster()
                                        + " runs " + images.size() + " different images and selectionStrategy is FAIL");
                            }
                            yield found.get(0);
                        }
                    };
                    ctx.put("image", chosen.artifact());
                    ctx.put("serverGroupName", chosen.name());
                    return "image of " + chosen.name() + ": " + chosen.artifact();
                })), List.of());
    }

    private static List<ServerGroup> candidates(CloudProvider provider, ClusterRef ref, boolean onlyEnabled) {
        List<ServerGroup> found = ClusterGroups.of(provider, ref.location(), ref.cluster()).stream()
                .filter(sg -> !onlyEnabled || sg.enabled()).toList();
        if (found.isEmpty()) {
            throw ClusterDeployException.notFound("cluster", "no " + (onlyEnabled ? "enabled " : "")
                    + "server group in cluster '" + ref.cluster() + "'");
        }
        return found;
    }

    /** The clusterSize precondition: compares the number of server groups with {@code expected}. */
    public static Operation checkClusterSize(Fields f, String account, String location) {
        ClusterRef ref = ClusterRef.parse(f, account, location);
        int expected = f.requiredInt("expected", 0, 1000);
        String comparison = f.optionalString("comparison", "==");
        if (!List.of("==", "!=", "<", "<=", ">", ">=").contains(comparison)) {
            throw ClusterDeployException.invalid(f.path("comparison"),
                    "comparison must be one of ==, !=, <, <=, >, >=, was '" + comparison + "'");
        }
        boolean onlyEnabled = f.optionalBoolean("onlyEnabledServerGroups", false);
        return new PlannedOperation("checkClusterSize", ref.account(), ref.location(), ref.cluster(), p -> { }, List.of(
                Steps.named("checkClusterSize", ctx -> {
                    long actual = ClusterGroups.of(ctx.provider(), ref.location(), ref.cluster()).stream()
                            .filter(sg -> !onlyEnabled || sg.enabled()).count();
                    ctx.put("actual", actual);
                    String what = "cluster " + ref.cluster() + " has " + actual + (onlyEnabled ? " enabled" : "")
                            + " server groups; expected " + comparison + " " + expected;
                    if (!compare(actual, comparison, expected)) {
                        throw ClusterDeployException.conflict("expected", what);
                    }
                    return what;
                })), List.of());
    }

    static boolean compare(long actual, String comparison, long expected) {
        return switch (comparison) {
            case "==" -> actual == expected;
            case "!=" -> actual != expected;
            case "<" -> actual < expected;
            case "<=" -> actual <= expected;
            case ">" -> actual > expected;
            case ">=" -> actual >= expected;
            default -> throw new IllegalArgumentException(comparison);
        };
    }
}
