package io.clusterdeploy.standalone.demo;

import io.clusterdeploy.standalone.server.StandaloneServer;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code demo --canary}: v1 serves under load; a canary of a bad v2 (a share of its answers are 500s and each takes
 * longer) fails and production keeps serving v1; a canary of a good v3 passes and is promoted by red/black. Each
 * canary is judged from the load balancer's own counts (the {@code local} metric source) in short intervals.
 */
public final class CanaryDemo {
    static final String BAD = "v2";
    static final String GOOD = "v3";
    static final int TRAFFIC_PERCENT = 20;
    static final double BAD_ERROR_RATE = 0.3;
    static final int BAD_EXTRA_LATENCY_MS = 40;
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final Demo demo;
    private final DemoOptions options;

    public CanaryDemo(Demo demo, DemoOptions options) {
        this.demo = demo;
        this.options = options;
    }

    /** Runs both canaries against a started server. */
    public CanaryDemoReport drive(StandaloneServer server) throws InterruptedException {
        ApiClient api = new ApiClient(server.url(), server.token().value());
        int lbPort = FreePort.find();
        demo.say("creating load balancer " + Demo.LOAD_BALANCER + " on 127.0.0.1:" + lbPort);
        demo.succeed(api, api.startOperation(demo.upsertLoadBalancer(lbPort)), "upsertLoadBalancer");
        demo.say("deploying v1: " + options.instances() + " instances of the sample app (strategy highlander)");
        demo.succeed(api, api.startOperation(demo.deploy("v1", "highlander")), "deploy of v1");
        String address = Demo.loadBalancerAddress(api);

        LoadLog log = new LoadLog();
        LoadGenerator load = new LoadGenerator(URI.create("http://" + address + "/"), options.loadThreads(),
                options.operationTimeout().multipliedBy(3), log);
        CanaryDemoReport.Run bad;
        CanaryDemoReport.Run good;
        long afterGood;
        load.start();
        try {
            demo.say("load: " + options.loadThreads() + " client threads against http://" + address + "/");
            Thread.sleep(SETTLE.toMillis());
            demo.say("canary of a bad " + BAD + " (" + (int) (BAD_ERROR_RATE * 100) + "% errors, +" + BAD_EXTRA_LATENCY_MS
                    + " ms), " + TRAFFIC_PERCENT + "% of the traffic each for baseline and canary");
            bad = canary(api, log, BAD, List.of("--error-rate", String.valueOf(BAD_ERROR_RATE), "--latency-ms",
                    String.valueOf(BAD_EXTRA_LATENCY_MS)));
            demo.say("canary of " + BAD + ": " + bad.status() + " — " + bad.decisionReason());
            demo.say("canary of a good " + GOOD);
            good = canary(api, log, GOOD, List.of());
            demo.say("canary of " + GOOD + ": " + good.status() + " — " + good.decisionReason());
            afterGood = System.nanoTime();
            Thread.sleep(SETTLE.toMillis());
        } finally {
            load.close();
        }
        return new CanaryDemoReport(server.url(), new DemoReport.LoadBalancerInfo(Demo.LOAD_BALANCER, address),
                log.requests(), log.failures(), bad, good, log.versionsStartedAfter(afterGood), Demo.serverGroups(api));
    }

    private CanaryDemoReport.Run canary(ApiClient api, LoadLog log, String version, List<String> flags)
            throws InterruptedException {
        Map<String, Object> request = demo.deploy(version, "canary");
        request.put("spec", SampleAppCommand.spec(version, flags));
        request.put("canary", settings());
        request.put("rollback", Map.of("onFailure", true));
        long started = System.nanoTime();
        Map<String, Object> op = api.startOperation(request);
        Map<String, Object> done = api.awaitOperation((String) op.get("id"), options.operationTimeout());
        long ended = System.nanoTime();
        return CanaryDemoReport.Run.of(version, done, log.requestsStartedBetween(started, ended),
                log.failuresStartedBetween(started, ended), Demo.steps(done));
    }

    /** Short intervals so that the demo ends in about a minute; the same settings a real canary takes. */
    static Map<String, Object> settings() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("canaryCapacity", 1);
        c.put("trafficPercent", TRAFFIC_PERCENT);
        c.put("warmup", "PT2S");
        c.put("lifetime", "PT12S");
        c.put("interval", "PT6S");
        c.put("step", "PT1S");
        c.put("config", Map.of("source", "local", "metrics", List.of(
                Map.of("name", "error rate", "query", "error_rate", "direction", "increase", "critical", true,
                        "nanStrategy", "remove"),
                Map.of("name", "latency p50", "query", "latency_p50", "direction", "increase", "nanStrategy",
                        "remove", "effectSize", Map.of("allowedIncrease", 2.0)))));
        return c;
    }
}
