package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.Account;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.SecurityGroup;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.naming.ServerGroupName;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * An AWS account: server groups are Auto Scaling groups with their own launch templates, load balancers are ELBv2
 * target groups (with the ALB/NLB listeners that forward to them), security groups are EC2 security groups.
 *
 * <p>The cluster view ({@link #applications}, {@link #serverGroups}, {@link #loadBalancers},
 * {@link #securityGroups}) is served from a cache of each region, read again in full every
 * {@code cache.refreshSeconds} and, for what a mutation touched, right after it. An operation reading one group
 * ({@link #serverGroup}) gets a copy at most {@code cache.serverGroupReadMillis} old, so that health gates see
 * current health at a bounded number of calls however often they poll.
 */
public final class AwsProvider implements CloudProvider {
    private static final Logger LOG = LoggerFactory.getLogger(AwsProvider.class);

    private final Account account;
    private final AwsSettings settings;
    private final Map<String, AwsRegion> regions = new LinkedHashMap<>();
    private final AwsErrors errors;
    private final DeployValidator validator;
    private final ServerGroupCreator creator;
    private final ServerGroupChanges changes;
    private final LoadBalancerWriter loadBalancerWriter;
    private final CanaryTraffic canaryTraffic;
    private final CanarySpecs canarySpecs;
    private final ScheduledExecutorService refresher;
    private final AutoCloseable credentialsOwner;
    private final CloudWatchMetricSource metricSource;

    AwsProvider(Account account, AwsSettings settings, Map<String, AwsClients> clients, AutoCloseable credentialsOwner) {
        this.account = account;
        this.settings = settings;
        this.credentialsOwner = credentialsOwner;
        clients.forEach((r, c) -> regions.put(r, new AwsRegion(account.name(), c, settings.serverGroupReadInterval())));
        this.errors = new AwsErrors(account.name());
        SecurityGroupWriter sgw = new SecurityGroupWriter(errors);
        TargetGroupWriter tgw = new TargetGroupWriter(errors);
        this.validator = new DeployValidator(account.name(), settings, this::region, errors);
        this.creator = new ServerGroupCreator(account.name(), errors, sgw, tgw);
        this.changes = new ServerGroupChanges(account.name(), errors);
        this.loadBalancerWriter = new LoadBalancerWriter(errors, tgw, sgw);
        this.canaryTraffic = new CanaryTraffic(errors, tgw);
        this.canarySpecs = new CanarySpecs(errors);
        this.refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "aws-cache-" + account.name());
            t.setDaemon(true);
            return t;
        });
        this.metricSource = CloudWatchMetricSource.of(this);
        long every = settings.cacheRefresh().toMillis();
        refresher.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public Account account() {
        return account;
    }

    /**
     * The {@code cloudwatch} metric source of this account: GetMetricData with its credentials, regions, endpoint
     * and retries (for several AWS accounts, {@link CloudWatchMetricSource#forAccounts}).
     */
    public CloudWatchMetricSource metricSource() {
        return metricSource;
    }

    AwsErrors errors() {
        return errors;
    }

    /** Reads every region again now: what the periodic refresh does. */
    public void refresh() {
        for (AwsRegion r : regions.values()) {
            errors.run("refreshing region " + r.name(), r::refreshAll);
        }
    }

    private void refreshQuietly() {
        for (AwsRegion r : regions.values()) {
            try {
                r.refreshAll();
            } catch (SdkException | ClusterDeployException e) {
                LOG.warn("account {} region {}: cache refresh failed, keeping the last view: {}", account.name(),
                        r.name(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("account {} region {}: cache refresh failed", account.name(), r.name(), e);
            }
        }
    }

    // ---- reads ----------------------------------------------------------------------------

    @Override
    public List<String> applications() {
        TreeSet<String> apps = new TreeSet<>();
        for (AwsRegion r : loaded()) {
            r.cache.groups().forEach(g -> r.model(g).ifPresent(sg -> apps.add(sg.moniker().app())));
            r.cache.balancing().targetGroups().values()
                    .forEach(tg -> apps.add(ServerGroupName.applicationOf(tg.targetGroupName())));
        }
        return List.copyOf(apps);
    }

    @Override
    public List<ServerGroup> serverGroups(String application) {
        List<ServerGroup> out = new ArrayList<>();
        for (AwsRegion r : loaded()) {
            for (GroupRead g : r.cache.groups()) {
                r.model(g).filter(sg -> sg.moniker().app().equals(application)).ifPresent(out::add);
            }
        }
        out.sort(ServerGroup.NEWEST_FIRST);
        return out;
    }

    @Override
    public Optional<ServerGroup> serverGroup(String location, String name) {
        AwsRegion r = regions.get(location);
        if (r == null || name == null) {
            return Optional.empty();
        }
        return errors.call("reading server group " + name, () -> r.recentGroup(name)).flatMap(r::model);
    }

    /** Zone, type, lifecycle and address, with Auto Scaling's and each target group's verdict: a recent group read. */
    @Override
    public io.clusterdeploy.engine.provider.InstanceDetails instanceDetails(String location, String serverGroup,
                                                                           String instanceId) {
        AwsRegion r = regions.get(location);
        if (r == null || serverGroup == null || instanceId == null) {
            return io.clusterdeploy.engine.provider.InstanceDetails.NONE;
        }
        return errors.call("reading server group " + serverGroup, () -> r.recentGroup(serverGroup))
                .map(read -> r.details(read, instanceId))
                .orElse(io.clusterdeploy.engine.provider.InstanceDetails.NONE);
    }

    @Override
    public List<LoadBalancer> loadBalancers(String application) {
        List<LoadBalancer> out = new ArrayList<>();
        for (AwsRegion r : loaded()) {
            RegionCache.Balancing b = r.cache.balancing();
            for (TargetGroup tg : b.targetGroups().values()) {
                if (application == null || application.equals(ServerGroupName.applicationOf(tg.targetGroupName()))) {
                    out.add(model(r, b, tg));
                }
            }
        }
        out.sort(Comparator.comparing(LoadBalancer::location).thenComparing(LoadBalancer::name));
        return out;
    }

    private LoadBalancer model(AwsRegion r, RegionCache.Balancing b, TargetGroup tg) {
        String arn = tg.targetGroupArn();
        List<Map<String, Object>> fronts = new ArrayList<>();
        String address = null;
        for (var lb : b.loadBalancers().values()) {
            List<Map<String, Object>> listeners = new ArrayList<>();
            for (Listener l : b.listeners().getOrDefault(lb.loadBalancerArn(), List.of())) {
                boolean uses = LoadBalancerWriter.forwardsTo(l.defaultActions(), arn);
                List<Map<String, Object>> rules = new ArrayList<>();
                for (Rule rule : b.rules().getOrDefault(l.listenerArn(), List.of())) {
                    if (LoadBalancerWriter.forwardsTo(rule.actions(), arn)) {
                        uses = true;
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("priority", rule.priority());
                        m.put("forwardsTo", names(b, LoadBalancerWriter.forwardTargets(rule.actions())));
                        rules.add(m);
                    }
                }
                if (uses) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("port", l.port());
                    m.put("protocol", l.protocolAsString());
                    m.put("rules", rules);
                    listeners.add(m);
                }
            }
            if (!listeners.isEmpty()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", lb.loadBalancerName());
                m.put("type", lb.typeAsString());
                m.put("scheme", lb.schemeAsString());
                m.put("dnsName", lb.dnsName());
                m.put("listeners", listeners);
                fronts.add(m);
                if (address == null) {
                    address = lb.dnsName();
                }
            }
        }
        List<String> members = r.cache.groups().stream().filter(g -> g.targetGroupArns().contains(arn))
                .map(GroupRead::name).sorted().toList();
        Map<String, Object> settingsShown = new LinkedHashMap<>();
        settingsShown.put("targetGroupArn", arn);
        settingsShown.put("port", tg.port());
        settingsShown.put("protocol", tg.protocolAsString());
        if (tg.healthCheckPath() != null) {
            settingsShown.put("healthCheckPath", tg.healthCheckPath());
        }
        settingsShown.put("vpcId", tg.vpcId());
        settingsShown.put("loadBalancers", fronts);
        return new LoadBalancer(tg.targetGroupName(), account.name(), r.name(), address, members, settingsShown);
    }

    private static List<String> names(RegionCache.Balancing b, List<String> arns) {
        return arns.stream().map(a -> b.targetGroups().containsKey(a) ? b.targetGroups().get(a).targetGroupName() : a)
                .toList();
    }

    @Override
    public List<SecurityGroup> securityGroups(String application) {
        List<SecurityGroup> out = new ArrayList<>();
        for (AwsRegion r : loaded()) {
            var byId = r.cache.securityGroups();
            for (var sg : byId.values()) {
                if (application != null && !application.equals(ServerGroupName.applicationOf(sg.groupName()))) {
                    continue;
                }
                List<SecurityGroup.Rule> rules = new ArrayList<>();
                for (var p : SecurityGroupWriter.flatten(sg.ipPermissions())) {
                    String protocol = p.ipProtocol();
                    int from = p.fromPort() == null ? -1 : p.fromPort();
                    int to = p.toPort() == null ? -1 : p.toPort();
                    p.ipRanges().forEach(x -> rules.add(new SecurityGroup.Rule(protocol, from, to, x.cidrIp())));
                    p.ipv6Ranges().forEach(x -> rules.add(new SecurityGroup.Rule(protocol, from, to, x.cidrIpv6())));
                    p.userIdGroupPairs().forEach(x -> rules.add(new SecurityGroup.Rule(protocol, from, to,
                            byId.containsKey(x.groupId()) ? byId.get(x.groupId()).groupName() : x.groupId())));
                }
                out.add(new SecurityGroup(sg.groupName(), account.name(), r.name(), rules));
            }
        }
        return out;
    }

    private List<AwsRegion> loaded() {
        for (AwsRegion r : regions.values()) {
            if (!r.cache.groupsLoaded() || !r.cache.balancingLoaded()) {
                errors.run("reading region " + r.name(), () -> {
                    r.ensureLoaded();
                    if (r.cache.securityGroups().isEmpty()) {
                        r.refreshSecurityGroups();
                    }
                });
            }
        }
        return List.copyOf(regions.values());
    }

    // ---- mutations -----------------------------------------------------------------------

    @Override
    public void validate(CreateServerGroupRequest request) {
        validator.check(request);
    }

    @Override
    public ServerGroup createServerGroup(CreateServerGroupRequest request) {
        DeployPlan plan = validator.check(request);
        AwsRegion r = plan.region();
        errors.run("reading region " + r.name(), r::ensureLoaded);
        creator.create(request, plan);
        if (!plan.spec().securityGroupIngress().isEmpty()) {
            errors.run("DescribeSecurityGroups", r::refreshSecurityGroups);
        }
        return after(r, request.name());
    }

    @Override
    public ServerGroup resize(String location, String name, Capacity capacity) {
        if (capacity == null) {
            throw ClusterDeployException.invalid("capacity", "capacity is required");
        }
        settings.checkCapacity(account.name(), capacity.max());
        AwsRegion r = region(location);
        changes.resize(r, name, capacity);
        return after(r, name);
    }

    @Override
    public ServerGroup enable(String location, String name) {
        AwsRegion r = region(location);
        changes.enable(r, name);
        return after(r, name);
    }

    @Override
    public ServerGroup disable(String location, String name, int percentage) {
        if (percentage < 1 || percentage > 100) {
            throw ClusterDeployException.invalid("percentage", "percentage must be between 1 and 100, was " + percentage);
        }
        AwsRegion r = region(location);
        if (percentage == 100) {
            // A weighted target group without healthy targets would still get its share: its weight goes first.
            canaryTraffic.unweigh(r, name);
        }
        changes.disable(r, name, percentage);
        return after(r, name);
    }

    @Override
    public void destroy(String location, String name) {
        AwsRegion r = region(location);
        if (name == null) {
            return;
        }
        canaryTraffic.unweigh(r, name);
        changes.destroy(r, name);
        canaryTraffic.deleteOwnTargetGroup(r, name);
        LOG.info("destroyed server group {} in account {} region {}", name, account.name(), r.name());
    }

    /** What the group's launch template and Auto Scaling group say it runs, in the deploy spec's terms. */
    @Override
    public Optional<Map<String, Object>> deploySpec(String location, String name) {
        AwsRegion r = regions.get(location);
        return r == null || name == null ? Optional.empty() : canarySpecs.of(r, name);
    }

    /**
     * Exact weights: a weighted group gets a target group of its own that the listeners forward to with its share
     * ({@link CanaryTraffic}).
     */
    @Override
    public io.clusterdeploy.engine.provider.TrafficSplit trafficSplit() {
        return io.clusterdeploy.engine.provider.TrafficSplit.WEIGHTS;
    }

    @Override
    public void weighTraffic(String location, List<String> loadBalancers, Map<String, Integer> percentByServerGroup) {
        canaryTraffic.weigh(region(location), loadBalancers, percentByServerGroup);
    }

    @Override
    public void validate(UpsertLoadBalancerRequest request) {
        AwsNames.targetGroup("name", request.name());
        region(request.location());
        LoadBalancerSpec.parse(request.name(), request.spec(), settings.deregistrationDelaySeconds());
    }

    @Override
    public LoadBalancer upsertLoadBalancer(UpsertLoadBalancerRequest request) {
        validate(request);
        AwsRegion r = region(request.location());
        LoadBalancerSpec spec = LoadBalancerSpec.parse(request.name(), request.spec(), settings.deregistrationDelaySeconds());
        loadBalancerWriter.upsert(r, request.name(), spec);
        errors.run("reading region " + r.name(), () -> {
            r.refreshBalancing();
            r.refreshSecurityGroups();
        });
        RegionCache.Balancing b = r.cache.balancing();
        return b.targetGroups().values().stream().filter(tg -> tg.targetGroupName().equals(request.name())).findFirst()
                .map(tg -> model(r, b, tg)).orElseThrow(() -> new ClusterDeployException(ErrorKind.INTERNAL, null,
                        "target group '" + request.name() + "' was upserted but is not listed"));
    }

    /** The group as it is after a mutation, read now so that the cache has it. */
    private ServerGroup after(AwsRegion r, String name) {
        return errors.call("reading server group " + name, () -> r.readGroup(name)).flatMap(r::model)
                .orElseThrow(() -> ClusterDeployException.notFound("name", "server group '" + name
                        + "' not found in account '" + account.name() + "', region " + r.name()));
    }

    AwsRegion region(String location) {
        AwsRegion r = location == null ? null : regions.get(location);
        if (r == null) {
            throw ClusterDeployException.invalid("location", "location '" + location + "' is not a region of account '"
                    + account.name() + "'; its regions: " + regions.keySet());
        }
        return r;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        regions.values().forEach(AwsRegion::close);
        try {
            credentialsOwner.close();
        } catch (Exception e) {
            LOG.warn("account {}: closing its credentials failed: {}", account.name(), e.getMessage());
        }
    }
}
