package io.clusterdeploy.standalone.demo;

import io.clusterdeploy.standalone.config.AccountConfig;
import io.clusterdeploy.standalone.config.StandaloneConfig;
import io.clusterdeploy.standalone.server.StandaloneServer;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The demo: a server with one local account, then, as an HTTP client of its own API, a load
 * balancer, v1 of the sample app, steady load through the load balancer, and a red/black deploy
 * of v2 under that load.
 */
public final class Demo {
    public static final String ACCOUNT = "local";
    public static final String APPLICATION = "hello";
    public static final String STACK = "prod";
    public static final String CLUSTER = APPLICATION + "-" + STACK;
    public static final String LOAD_BALANCER = CLUSTER;
    /** Enough answers in a window to say which versions serve. */
    private static final int MIN_SAMPLES = 20;
    private static final Duration WINDOW_CAP = Duration.ofSeconds(30);

    private final DemoOptions options;
    private final PrintWriter progress;

    /** @param progress where to say what happens (stderr in --json mode) */
    public Demo(DemoOptions options, PrintWriter progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Starts the server with the demo's one local account. */
    public StandaloneServer startServer() throws Exception {
        Path stateDir = options.stateDir() != null ? options.stateDir().toAbsolutePath()
                : Files.createTempDirectory("cluster-deploy-demo-");
        StandaloneConfig config = new StandaloneConfig(stateDir, List.of(new AccountConfig(ACCOUNT,
                StandaloneConfig.LOCAL_TYPE, Map.of("stateDir", stateDir.resolve("accounts").resolve(ACCOUNT).toString()))));
        return StandaloneServer.start(config, "demo", options.port());
    }

    /** Starts the server and runs the demo; the session keeps the server running until closed. */
    public DemoSession run() throws Exception {
        StandaloneServer server = startServer();
        try {
            return new DemoSession(server, drive(server));
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    /** Runs the demo against a started server. */
    public DemoReport drive(StandaloneServer server) throws InterruptedException {
        ApiClient api = new ApiClient(server.url(), server.token().value());
        int lbPort = FreePort.find();
        say("creating load balancer " + LOAD_BALANCER + " on 127.0.0.1:" + lbPort);
        succeed(api, api.startOperation(upsertLoadBalancer(lbPort)), "upsertLoadBalancer");
        say("deploying v1: " + options.instances() + " instances of the sample app (strategy highlander)");
        succeed(api, api.startOperation(deploy("v1", "highlander")), "deploy of v1");
        String address = loadBalancerAddress(api);

        LoadLog log = new LoadLog();
        Duration bound = options.loadBefore().plus(options.operationTimeout()).plus(options.loadAfter())
                .plus(WINDOW_CAP).plus(WINDOW_CAP);
        LoadGenerator load = new LoadGenerator(URI.create("http://" + address + "/"), options.loadThreads(), bound, log);
        long loadStarted = System.nanoTime();
        long deployStarted;
        long deployEnded;
        Map<String, Object> done;
        load.start();
        try {
            say("load: " + options.loadThreads() + " client threads against http://" + address + "/");
            waitFor(() -> elapsed(loadStarted, options.loadBefore())
                    && log.successesEndedBefore(System.nanoTime()) >= MIN_SAMPLES);
            deployStarted = System.nanoTime();
            say("red/black deploying v2 under load (" + log.requests() + " requests so far)");
            Map<String, Object> op = api.startOperation(redBlack(deploy("v2", "redblack")));
            done = api.awaitOperation((String) op.get("id"), options.operationTimeout().plusSeconds(30));
            long ended = System.nanoTime();
            deployEnded = ended;
            say("deploy of v2 " + done.get("status") + "; keeping the load up for "
                    + options.loadAfter().toSeconds() + " s more");
            waitFor(() -> elapsed(ended, options.loadAfter()) && log.successesStartedAfter(ended) >= MIN_SAMPLES);
        } finally {
            // Stop first, so that requests in flight are counted before the report is made.
            load.close();
        }
        return report(server, api, address, log, deployStarted, deployEnded, done);
    }

    private DemoReport report(StandaloneServer server, ApiClient api, String address, LoadLog log,
                              long deployStarted, long deployEnded, Map<String, Object> done) {
        return new DemoReport(server.url(), new DemoReport.LoadBalancerInfo(LOAD_BALANCER, address),
                log.requests(), log.failures(), log.failureReasons(),
                log.versionsEndedBefore(deployStarted), log.versionsStartedAfter(deployEnded),
                new DemoReport.DeployInfo((String) done.get("id"), String.valueOf(done.get("status")), errorOf(done)),
                steps(done), serverGroups(api));
    }

    Map<String, Object> upsertLoadBalancer(int port) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "upsertLoadBalancer");
        m.put("account", ACCOUNT);
        m.put("name", LOAD_BALANCER);
        m.put("spec", Map.of("port", port));
        return m;
    }

    Map<String, Object> deploy(String version, String strategy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "deploy");
        m.put("account", ACCOUNT);
        m.put("application", APPLICATION);
        m.put("stack", STACK);
        m.put("capacity", Map.of("min", options.instances(), "desired", options.instances(), "max", options.instances()));
        m.put("loadBalancers", List.of(LOAD_BALANCER));
        m.put("strategy", strategy);
        m.put("deployTimeoutSec", options.operationTimeout().toSeconds());
        m.put("spec", SampleAppCommand.spec(version));
        return m;
    }

    private static Map<String, Object> redBlack(Map<String, Object> deploy) {
        deploy.put("rollback", Map.of("onFailure", true));
        return deploy;
    }

    Map<String, Object> succeed(ApiClient api, Map<String, Object> started, String what)
            throws InterruptedException {
        Map<String, Object> done = api.awaitOperation((String) started.get("id"), options.operationTimeout());
        if (!"SUCCEEDED".equals(done.get("status"))) {
            throw new DemoException(what + " ended " + done.get("status") + ": " + errorOf(done));
        }
        return done;
    }

    static String loadBalancerAddress(ApiClient api) {
        return api.loadBalancers().stream()
                .filter(lb -> LOAD_BALANCER.equals(lb.get("name")) && lb.get("address") instanceof String)
                .map(lb -> (String) lb.get("address"))
                .findFirst()
                .orElseThrow(() -> new DemoException("load balancer " + LOAD_BALANCER + " has no address"));
    }

    @SuppressWarnings("unchecked")
    static String errorOf(Map<String, Object> op) {
        return op.get("error") instanceof Map<?, ?> e ? String.valueOf(((Map<String, Object>) e).get("message")) : null;
    }

    @SuppressWarnings("unchecked")
    static List<DemoReport.StepInfo> steps(Map<String, Object> op) {
        List<DemoReport.StepInfo> out = new ArrayList<>();
        if (op.get("steps") instanceof List<?> steps) {
            for (Object o : steps) {
                Map<String, Object> s = (Map<String, Object>) o;
                out.add(new DemoReport.StepInfo(str(s.get("name")), str(s.get("phase")), str(s.get("status")),
                        str(s.get("startedAt")), str(s.get("endedAt")), str(s.get("message"))));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<DemoReport.ServerGroupInfo> serverGroups(ApiClient api) {
        List<DemoReport.ServerGroupInfo> out = new ArrayList<>();
        for (Map<String, Object> cluster : api.clusters(APPLICATION)) {
            if (!CLUSTER.equals(cluster.get("name"))) {
                continue;
            }
            for (Object o : (List<Object>) cluster.get("serverGroups")) {
                Map<String, Object> g = (Map<String, Object>) o;
                Map<String, Object> counts = (Map<String, Object>) g.get("instanceCounts");
                out.add(new DemoReport.ServerGroupInfo(str(g.get("name")), Boolean.TRUE.equals(g.get("enabled")),
                        ((Number) counts.get("total")).intValue(), ((Number) counts.get("up")).intValue()));
            }
        }
        return out;
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    static boolean elapsed(long since, Duration d) {
        return System.nanoTime() - since >= d.toNanos();
    }

    /** Polls a condition; gives up after a cap so a broken load balancer cannot hang the demo. */
    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WINDOW_CAP.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    void say(String message) {
        progress.println("[demo] " + message);
        progress.flush();
    }
}
