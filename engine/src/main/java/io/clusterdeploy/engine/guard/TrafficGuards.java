package io.clusterdeploy.engine.guard;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.ClusterGroups;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The configured traffic guards, and the check every traffic-removing change goes through. */
public final class TrafficGuards {
    private final List<TrafficGuard> guards;

    public TrafficGuards(List<TrafficGuard> guards) {
        this.guards = List.copyOf(guards);
    }

    public static TrafficGuards none() {
        return new TrafficGuards(List.of());
    }

    public List<TrafficGuard> list() {
        return guards;
    }

    public Optional<TrafficGuard> guardOf(String account, String location, String cluster) {
        return guards.stream().filter(g -> g.covers(account, location, cluster)).findFirst();
    }

    /**
     * Fails, before anything changes, when {@code change} (applied to the cluster's groups as
     * they are now) would take a guarded cluster that serves traffic down to no enabled, up
     * instance. A change that removes no serving instance is always allowed.
     */
    public void verify(CloudProvider provider, String location, String cluster, String what,
                       UnaryOperator<List<ServerGroup>> change) {
        verify(provider, location, cluster, what, change, verdict -> { });
    }

    /** As {@link #verify(CloudProvider, String, String, String, UnaryOperator)}, telling {@code listener} the verdict first. */
    public void verify(CloudProvider provider, String location, String cluster, String what,
                       UnaryOperator<List<ServerGroup>> change, Consumer<GuardVerdict> listener) {
        String account = provider.account().name();
        Optional<TrafficGuard> guard = guardOf(account, location, cluster);
        if (guard.isEmpty()) {
            return;
        }
        List<ServerGroup> now = ClusterGroups.of(provider, location, cluster);
        long before = serving(now);
        long after = serving(change.apply(now));
        boolean allowed = after > 0 || before == 0;
        listener.accept(new GuardVerdict(guard.get(), what, before, after, allowed));
        if (!allowed) {
            throw new ClusterDeployException(ErrorKind.CONFLICT, "trafficGuard", what + " would leave cluster '"
                    + cluster + "' with no enabled, up instance; it is protected by traffic guard " + guard.get());
        }
    }

    private static long serving(List<ServerGroup> groups) {
        return groups.stream().filter(ServerGroup::enabled).mapToLong(ServerGroup::upCount).sum();
    }
}
