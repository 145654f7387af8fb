package io.clusterdeploy.bench;

import io.clusterdeploy.engine.model.Account;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.SecurityGroup;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.engine.provider.TrafficSplit;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** The bench's provider as the engine sees it: every call passed through, the mutations timed on the current deploy's timeline. */
final class TimingProvider implements CloudProvider {
    private final CloudProvider delegate;
    private final AtomicReference<DeployTimeline> timeline;

    TimingProvider(CloudProvider delegate, AtomicReference<DeployTimeline> timeline) {
        this.delegate = delegate;
        this.timeline = timeline;
    }

    private <T> T timed(String what, Supplier<T> call) {
        long t0 = System.nanoTime();
        try {
            return call.get();
        } finally {
            DeployTimeline t = timeline.get();
            if (t != null) {
                t.span(what, t0, System.nanoTime());
            }
        }
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
    public AutoCloseable subscribe(Runnable onChange) {
        return delegate.subscribe(onChange);
    }

    @Override
    public void validate(CreateServerGroupRequest request) {
        delegate.validate(request);
    }

    @Override
    public Optional<String> reusable(CreateServerGroupRequest request, List<ServerGroup> newestFirst) {
        return delegate.reusable(request, newestFirst);
    }

    @Override
    public Optional<Map<String, Object>> deploySpec(String location, String name) {
        return delegate.deploySpec(location, name);
    }

    @Override
    public TrafficSplit trafficSplit() {
        return delegate.trafficSplit();
    }

    @Override
    public void weighTraffic(String location, List<String> loadBalancers, Map<String, Integer> percentByServerGroup) {
        delegate.weighTraffic(location, loadBalancers, percentByServerGroup);
    }

    @Override
    public OptionalLong requestsServed(String location, String name, Instant from, Instant to) {
        return delegate.requestsServed(location, name, from, to);
    }

    @Override
    public ServerGroup createServerGroup(CreateServerGroupRequest request) {
        return timed("provider.createServerGroup", () -> delegate.createServerGroup(request));
    }

    @Override
    public ServerGroup resize(String location, String name, Capacity capacity) {
        return timed("provider.resize", () -> delegate.resize(location, name, capacity));
    }

    @Override
    public ServerGroup enable(String location, String name) {
        return timed("provider.enable", () -> delegate.enable(location, name));
    }

    @Override
    public ServerGroup disable(String location, String name, int percentage) {
        return timed("provider.disable", () -> delegate.disable(location, name, percentage));
    }

    @Override
    public void destroy(String location, String name) {
        delegate.destroy(location, name);
    }

    @Override
    public void validate(UpsertLoadBalancerRequest request) {
        delegate.validate(request);
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
}
