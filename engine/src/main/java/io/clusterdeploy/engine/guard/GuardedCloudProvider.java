package io.clusterdeploy.engine.guard;

import io.clusterdeploy.engine.model.Account;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.SecurityGroup;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.naming.ServerGroupName;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Puts every disable, destroy and resize through the traffic guards, whichever operation or
 * strategy asks for it: the guard sits on the mechanism, not in each caller.
 */
public final class GuardedCloudProvider implements CloudProvider {
    private final CloudProvider delegate;
    private final TrafficGuards guards;
    private final Consumer<GuardVerdict> verdicts;

    public GuardedCloudProvider(CloudProvider delegate, TrafficGuards guards) {
        this(delegate, guards, verdict -> { });
    }

    /** {@code verdicts} hears every guard's verdict (a plan shows them). */
    public GuardedCloudProvider(CloudProvider delegate, TrafficGuards guards, Consumer<GuardVerdict> verdicts) {
        this.delegate = delegate;
        this.guards = guards;
        this.verdicts = verdicts;
    }

    private void verify(String location, String name, String what, Function<ServerGroup, ServerGroup> after) {
        String cluster = ServerGroupName.parse(name).clusterName();
        guards.verify(delegate, location, cluster, what, groups -> groups.stream()
                .map(sg -> sg.name().equals(name) ? after.apply(sg) : sg)
                .filter(sg -> sg != null).toList(), verdicts);
    }

    /** The group with its first {@code n} up instances taken out of traffic. */
    private static ServerGroup withoutUp(ServerGroup sg, long n, boolean disabled) {
        long[] left = {n};
        List<Instance> instances = sg.instances().stream().map(i -> {
            if (i.isUp() && left[0] > 0) {
                left[0]--;
                return new Instance(i.id(), io.clusterdeploy.engine.model.HealthState.OUT_OF_SERVICE, i.address(),
                        i.launched());
            }
            return i;
        }).toList();
        return new ServerGroup(sg.name(), sg.moniker(), sg.account(), sg.location(), sg.capacity(), instances,
                disabled || sg.disabled(), sg.createdTime(), sg.artifact(), sg.loadBalancers(), sg.securityGroups(),
                sg.tags());
    }

    @Override
    public ServerGroup disable(String location, String name, int percentage) {
        verify(location, name, "disabling " + (percentage == 100 ? "" : percentage + "% of ") + name,
                sg -> withoutUp(sg, (long) Math.ceil(sg.instances().size() * percentage / 100.0), percentage == 100));
        return delegate.disable(location, name, percentage);
    }

    @Override
    public void destroy(String location, String name) {
        if (delegate.serverGroup(location, name).isPresent()) {
            verify(location, name, "destroying " + name, sg -> null);
        }
        delegate.destroy(location, name);
    }

    @Override
    public ServerGroup resize(String location, String name, Capacity capacity) {
        verify(location, name, "resizing " + name + " to " + capacity.desired(),
                sg -> withoutUp(sg, Math.max(0, sg.upCount() - capacity.desired()), false));
        return delegate.resize(location, name, capacity);
    }

    @Override
    public Account account() {
        return delegate.account();
    }

    @Override
    public List<String> applications() {
        return delegate.applications();
    }

    @Override
    public List<ServerGroup> serverGroups(String application) {
        return delegate.serverGroups(application);
    }

    @Override
    public Optional<ServerGroup> serverGroup(String location, String name) {
        return delegate.serverGroup(location, name);
    }

    @Override
    public List<LoadBalancer> loadBalancers(String application) {
        return delegate.loadBalancers(application);
    }

    @Override
    public List<SecurityGroup> securityGroups(String application) {
        return delegate.securityGroups(application);
    }

    @Override
    public void validate(UpsertLoadBalancerRequest request) {
        delegate.validate(request);
    }

    @Override
    public java.util.Optional<String> reusable(CreateServerGroupRequest request, List<ServerGroup> newestFirst) {
        return delegate.reusable(request, newestFirst);
    }

    @Override
    public void validate(CreateServerGroupRequest request) {
        delegate.validate(request);
    }

    @Override
    public ServerGroup createServerGroup(CreateServerGroupRequest request) {
        return delegate.createServerGroup(request);
    }

    @Override
    public ServerGroup enable(String location, String name) {
        return delegate.enable(location, name);
    }

    @Override
    public LoadBalancer upsertLoadBalancer(UpsertLoadBalancerRequest request) {
        return delegate.upsertLoadBalancer(request);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void release() {
        delegate.release();
    }

    @Override
    public java.util.Optional<java.util.Map<String, Object>> deploySpec(String location, String name) {
        return delegate.deploySpec(location, name);
    }

    @Override
    public io.clusterdeploy.engine.provider.TrafficSplit trafficSplit() {
        return delegate.trafficSplit();
    }

    @Override
    public void weighTraffic(String location, List<String> loadBalancers,
                             java.util.Map<String, Integer> percentByServerGroup) {
        // Weights move no group out of traffic: a weighted group with no instance up drops out of its share.
        delegate.weighTraffic(location, loadBalancers, percentByServerGroup);
    }

    @Override
    public java.util.OptionalLong requestsServed(String location, String name, java.time.Instant from,
                                                 java.time.Instant to) {
        return delegate.requestsServed(location, name, from, to);
    }

    @Override
    public AutoCloseable subscribe(Runnable onChange) {
        return delegate.subscribe(onChange);
    }

    @Override
    public io.clusterdeploy.engine.provider.InstanceDetails instanceDetails(String location, String serverGroup,
                                                                           String instanceId) {
        return delegate.instanceDetails(location, serverGroup, instanceId);
    }

    @Override
    public Optional<io.clusterdeploy.engine.provider.InstanceLog> instanceLog(String location, String serverGroup,
                                                                             String instanceId, int maxLines) {
        return delegate.instanceLog(location, serverGroup, instanceId, maxLines);
    }
}
