package io.clusterdeploy.provider.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * The data plane moto does not have. For each instance moto runs in an Auto Scaling group whose launch template's
 * user data names a sample-app version, a real sample-app process on loopback; for each target group, its targets
 * health-checked like an ELB does (initial until healthy-threshold passes, unhealthy after unhealthy-threshold
 * failures, every 100 ms rather than every interval), and draining for the group's deregistration delay after they
 * leave, or until their last request ended, as AWS ends draining early; for each listener, a {@link ListenerRouter}.
 * It reads moto directly, after every mutating call the proxy forwards and every 250 ms, and answers
 * DescribeTargetHealth in moto's place, since moto reports every registered target healthy.
 */
final class DataPlane implements MotoProxy.Hooks, AutoCloseable {
    private static final Pattern VERSION = Pattern.compile("(?m)^SAMPLE_APP_VERSION=(\\S+)");
    private static final Pattern FLAGS = Pattern.compile("(?m)^SAMPLE_APP_FLAGS=(.*)$");
    private static final Pattern MEMBER_ID = Pattern.compile("<Target>\\s*<Id>([^<]+)</Id>");

    /** One target of one target group. */
    static final class Target {
        final String instanceId;
        final int port;
        final AtomicInteger inFlight = new AtomicInteger();
        volatile String state = "initial";
        volatile long drainUntil; // 0 = registered
        int passes;
        int failures;

        Target(String instanceId, int port) {
            this.instanceId = instanceId;
            this.port = port;
        }

        boolean draining() {
            return drainUntil != 0;
        }
    }

    private record GroupInfo(int port, int delaySeconds, int healthyThreshold, int unhealthyThreshold) {
    }

    private final Moto moto;
    private final Map<String, SampleProcess> processes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Target>> targets = new ConcurrentHashMap<>();
    private final Map<String, GroupInfo> groups = new ConcurrentHashMap<>();
    private final Map<String, ListenerRouter> routers = new ConcurrentHashMap<>();
    private final Map<String, String> templateUserData = new ConcurrentHashMap<>();
    private final Set<String> leaving = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService loops = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "data-plane");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    DataPlane(Moto moto) {
        this.moto = moto;
        loops.scheduleWithFixedDelay(this::healthRound, 100, 100, TimeUnit.MILLISECONDS);
        loops.scheduleWithFixedDelay(() -> {
            try {
                sync();
            } catch (RuntimeException e) {
                if (!closed) {
                    System.err.println("data plane sync: " + e);
                }
            }
        }, 250, 250, TimeUnit.MILLISECONDS);
    }

    // ---- proxy hooks ------------------------------------------------------------------------

    @Override
    public Optional<MotoProxy.Answer> before(MotoProxy.Call call) {
        if (call.action().equals("CreateAutoScalingGroup")) {
            String name = call.params().get("AutoScalingGroupName");
            // AWS refuses a second group of a name; moto would silently replace the first.
            if (!moto.autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames(name)).autoScalingGroups().isEmpty()) {
                return Optional.of(MotoProxy.Answer.xml(400, MotoProxy.error(call.service(), "AlreadyExists",
                        "AutoScalingGroup by this name already exists - A group with the name " + name + " already exists")));
            }
        }
        return Optional.empty();
    }

    @Override
    public MotoProxy.Answer after(MotoProxy.Call call, MotoProxy.Answer answer) {
        if (answer.status() != 200) {
            return answer;
        }
        if (call.action().equals("DescribeTargetHealth")) {
            return targetHealth(call.params().get("TargetGroupArn"), answer);
        }
        if (call.mutating()) {
            sync();
        }
        return answer;
    }

    /** moto's registered targets, with the health this data plane sees, and the targets still draining. */
    private MotoProxy.Answer targetHealth(String tgArn, MotoProxy.Answer moto) {
        sync();
        Map<String, Target> ts = targets.getOrDefault(tgArn, Map.of());
        Set<String> listed = new HashSet<>();
        Matcher m = MEMBER_ID.matcher(moto.text());
        while (m.find()) {
            listed.add(m.group(1));
        }
        GroupInfo info = groups.get(tgArn);
        StringBuilder xml = new StringBuilder("<DescribeTargetHealthResponse xmlns=\"http://elasticloadbalancing"
                + ".amazonaws.com/doc/2015-12-01/\"><DescribeTargetHealthResult><TargetHealthDescriptions>");
        for (Target t : ts.values()) {
            String state = t.draining() ? "draining" : t.state;
            xml.append("<member><Target><Id>").append(t.instanceId).append("</Id><Port>")
                    .append(info == null ? 80 : info.port()).append("</Port></Target><HealthCheckPort>traffic-port")
                    .append("</HealthCheckPort><TargetHealth><State>").append(state).append("</State>")
                    .append(t.draining() ? "<Reason>Target.DeregistrationInProgress</Reason>" : "")
                    .append("</TargetHealth></member>");
        }
        xml.append("</TargetHealthDescriptions></DescribeTargetHealthResult><ResponseMetadata><RequestId>dataplane")
                .append("</RequestId></ResponseMetadata></DescribeTargetHealthResponse>");
        return MotoProxy.Answer.xml(200, xml.toString());
    }

    // ---- what the tests ask -----------------------------------------------------------------

    /** The router port of a listener that forwards to the named target group. */
    Optional<Integer> routerFor(String targetGroupName) {
        sync();
        Optional<String> arn = moto.elb.describeTargetGroups(r -> r.names(targetGroupName)).targetGroups().stream()
                .map(TargetGroup::targetGroupArn).findFirst();
        return arn.flatMap(a -> routers.values().stream().filter(r -> r.targetGroupArns().contains(a)).findFirst()
                .map(ListenerRouter::port));
    }

    /** True when no process runs for any of the instances. */
    boolean noneRunning(List<String> instanceIds) {
        sync();
        return instanceIds.stream().noneMatch(id -> processes.containsKey(id) && processes.get(id).alive());
    }

    /** Requests the routers are forwarding right now. */
    int inFlight() {
        return targets.values().stream().flatMap(ts -> ts.values().stream()).mapToInt(t -> t.inFlight.get()).sum();
    }

    int runningProcesses() {
        return (int) processes.values().stream().filter(SampleProcess::alive).count();
    }

    /**
     * A registered target of the group for one request, counted in flight before its state is checked, so that a
     * concurrent deregistration either sees the request or the request sees the target draining.
     */
    Target pick(String tgArn, int counter) {
        Map<String, Target> ts = targets.get(tgArn);
        if (ts == null) {
            return null;
        }
        List<Target> all = new ArrayList<>(ts.values());
        List<Target> healthy = all.stream().filter(t -> !t.draining() && t.state.equals("healthy")).toList();
        List<Target> pool = healthy.isEmpty() ? all.stream().filter(t -> !t.draining() && t.port > 0).toList() : healthy;
        for (int i = 0; i < pool.size(); i++) {
            Target t = pool.get(Math.floorMod(counter + i, pool.size()));
            t.inFlight.incrementAndGet();
            if (!t.draining()) {
                return t;
            }
            t.inFlight.decrementAndGet();
        }
        return null;
    }

    // ---- simulation -------------------------------------------------------------------------

    synchronized void sync() {
        if (closed) {
            return;
        }
        List<AutoScalingGroup> asgs = new ArrayList<>();
        moto.autoScaling.describeAutoScalingGroupsPaginator().autoScalingGroups().forEach(asgs::add);
        Set<String> running = new HashSet<>();
        moto.ec2.describeInstancesPaginator().reservations().forEach(res -> res.instances().forEach(i -> {
            if (i.state().nameAsString().equals("running") || i.state().nameAsString().equals("pending")) {
                running.add(i.instanceId());
            }
        }));
        Set<String> live = new HashSet<>();
        for (AutoScalingGroup g : asgs) {
            String userData = userData(g);
            for (var i : g.instances()) {
                String state = i.lifecycleStateAsString();
                if (running.contains(i.instanceId()) && (state.equals("InService") || state.startsWith("Pending"))) {
                    live.add(i.instanceId());
                    if (userData != null && !processes.containsKey(i.instanceId())) {
                        Matcher v = VERSION.matcher(userData);
                        if (v.find()) {
                            Matcher f = FLAGS.matcher(userData);
                            List<String> flags = f.find() && !f.group(1).isBlank()
                                    ? List.of(f.group(1).trim().split("\\s+")) : List.of();
                            processes.put(i.instanceId(), SampleProcess.start(i.instanceId(), v.group(1), flags));
                        }
                    }
                }
            }
        }
        long now = System.nanoTime();
        Set<String> seenGroups = new HashSet<>();
        for (TargetGroup tg : moto.elb.describeTargetGroups().targetGroups()) {
            String arn = tg.targetGroupArn();
            seenGroups.add(arn);
            int delay = moto.elb.describeTargetGroupAttributes(r -> r.targetGroupArn(arn)).attributes().stream()
                    .filter(a -> a.key().equals("deregistration_delay.timeout_seconds"))
                    .map(a -> Integer.parseInt(a.value())).findFirst().orElse(300);
            groups.put(arn, new GroupInfo(tg.port(), delay, tg.healthyThresholdCount() == null ? 5
                    : tg.healthyThresholdCount(), tg.unhealthyThresholdCount() == null ? 2 : tg.unhealthyThresholdCount()));
            Set<String> registered = new HashSet<>();
            moto.elb.describeTargetHealth(r -> r.targetGroupArn(arn)).targetHealthDescriptions().forEach(d -> {
                // moto keeps instances the group terminated as "draining"; they are gone.
                if (d.targetHealth().stateAsString().equals("healthy") && live.contains(d.target().id())) {
                    registered.add(d.target().id());
                }
            });
            Map<String, Target> ts = targets.computeIfAbsent(arn, k -> new ConcurrentHashMap<>());
            for (String id : registered) {
                Target t = ts.get(id);
                if (t == null || t.draining()) {
                    SampleProcess p = processes.get(id);
                    ts.put(id, new Target(id, p == null ? -1 : p.port));
                }
            }
            for (Target t : ts.values()) {
                if (!t.draining() && !registered.contains(t.instanceId)) {
                    t.drainUntil = now + TimeUnit.SECONDS.toNanos(delay);
                }
            }
        }
        targets.keySet().removeIf(arn -> !seenGroups.contains(arn));
        for (String id : processes.keySet()) {
            if (!live.contains(id)) {
                leaving.add(id);
            }
        }
        syncRouters();
        reap();
    }

    private String userData(AutoScalingGroup g) {
        var spec = g.launchTemplate();
        if (spec == null || spec.launchTemplateId() == null) {
            return null;
        }
        String key = spec.launchTemplateId() + ":" + spec.version();
        return templateUserData.computeIfAbsent(key, k -> moto.ec2.describeLaunchTemplateVersions(r -> r
                .launchTemplateId(spec.launchTemplateId()).versions(spec.version())).launchTemplateVersions().stream()
                .findFirst().map(v -> v.launchTemplateData().userData()).filter(u -> u != null)
                .map(u -> new String(Base64.getDecoder().decode(u), StandardCharsets.UTF_8)).orElse(""));
    }

    private void syncRouters() {
        Set<String> seen = new HashSet<>();
        for (var lb : moto.elb.describeLoadBalancers().loadBalancers()) {
            for (Listener l : moto.elb.describeListeners(r -> r.loadBalancerArn(lb.loadBalancerArn())).listeners()) {
                seen.add(l.listenerArn());
                ListenerRouter router = routers.computeIfAbsent(l.listenerArn(), arn -> {
                    try {
                        return new ListenerRouter(arn, this);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                router.update(l.defaultActions(), moto.elb.describeRules(r -> r.listenerArn(l.listenerArn())).rules());
            }
        }
        routers.entrySet().removeIf(e -> {
            if (!seen.contains(e.getKey())) {
                e.getValue().close();
                return true;
            }
            return false;
        });
    }

    /** Ends draining that is over, and stops the processes of instances that left once nothing points at them. */
    private void reap() {
        long now = System.nanoTime();
        for (Map<String, Target> ts : targets.values()) {
            ts.values().removeIf(t -> t.draining() && (t.inFlight.get() == 0 || now - t.drainUntil > 0));
        }
        for (String id : List.copyOf(leaving)) {
            boolean referenced = targets.values().stream().anyMatch(ts -> ts.containsKey(id));
            if (!referenced) {
                leaving.remove(id);
                SampleProcess p = processes.remove(id);
                if (p != null) {
                    p.stop();
                }
            }
        }
        // An instance that left while registered drains first: it is no longer live, so it is no longer registered.
        for (String id : leaving) {
            for (Map.Entry<String, Map<String, Target>> e : targets.entrySet()) {
                Target t = e.getValue().get(id);
                if (t != null && !t.draining()) {
                    GroupInfo info = groups.get(e.getKey());
                    t.drainUntil = now + TimeUnit.SECONDS.toNanos(info == null ? 300 : info.delaySeconds());
                }
            }
        }
    }

    private void healthRound() {
        if (closed) {
            return;
        }
        try {
            Map<String, Boolean> checks = new HashMap<>();
            for (Map.Entry<String, Map<String, Target>> e : targets.entrySet()) {
                GroupInfo info = groups.get(e.getKey());
                for (Target t : e.getValue().values()) {
                    if (t.draining()) {
                        continue;
                    }
                    SampleProcess p = processes.get(t.instanceId);
                    boolean ok = p != null && checks.computeIfAbsent(t.instanceId, id -> p.healthy());
                    if (ok) {
                        t.passes++;
                        t.failures = 0;
                        if (t.passes >= (info == null ? 2 : info.healthyThreshold())) {
                            t.state = "healthy";
                        }
                    } else {
                        t.failures++;
                        t.passes = 0;
                        if (t.failures >= (info == null ? 2 : info.unhealthyThreshold())) {
                            t.state = "unhealthy";
                        }
                    }
                }
            }
            synchronized (this) {
                reap();
            }
        } catch (RuntimeException e) {
            System.err.println("data plane health round: " + e);
        }
    }

    @Override
    public void close() {
        closed = true;
        loops.shutdownNow();
        try {
            loops.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        routers.values().forEach(ListenerRouter::close);
        routers.clear();
        processes.values().forEach(SampleProcess::stop);
        processes.clear();
    }
}
