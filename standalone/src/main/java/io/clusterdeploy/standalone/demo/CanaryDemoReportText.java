package io.clusterdeploy.standalone.demo;

import java.io.PrintWriter;
import java.util.Map;

/** {@code demo --canary}'s report for people: each canary's verdict, intervals and metrics, then the load. */
public final class CanaryDemoReportText {
    private CanaryDemoReportText() {
    }

    public static void print(PrintWriter out, CanaryDemoReport r) {
        out.println();
        print(out, "Canary of a bad " + r.bad().version(), r.bad());
        print(out, "Canary of a good " + r.good().version(), r.good());
        out.println("=== Load through " + r.loadBalancer().name() + " at http://" + r.loadBalancer().address() + "/ ===");
        out.println("requests         " + r.requests());
        out.println("failed requests  " + r.failedRequests() + " (" + r.bad().failedRequests() + " while the bad canary"
                + " ran, " + r.good().failedRequests() + " while the good one ran)");
        out.println("versions after   " + r.versionsAfter());
        out.println("server groups:");
        for (DemoReport.ServerGroupInfo g : r.serverGroups()) {
            out.printf("  %-18s %-9s %d instances, %d up%n", g.name(), g.enabled() ? "enabled" : "disabled",
                    g.instances(), g.up());
        }
        out.println(r.passed() ? "RESULT: passed (the bad canary failed and production kept v1; the good one was"
                + " promoted and only " + CanaryDemo.GOOD + " answers)" : "RESULT: FAILED");
        out.flush();
    }

    private static void print(PrintWriter out, String title, CanaryDemoReport.Run run) {
        out.println("=== " + title + " ===");
        out.println("operation        " + run.operationId() + " " + run.status());
        out.println("decision         " + run.decisionReason());
        out.println("baseline/canary  " + run.canary().get("baseline") + " / " + run.canary().get("canary"));
        Map<String, Object> traffic = run.traffic();
        Object served = traffic.get("served") instanceof Map<?, ?> s ? s.get("canaryPercent") + "% served to the canary"
                : "not counted";
        out.println("traffic          " + traffic.get("percent") + "% each, " + traffic.get("split") + "; " + served);
        for (Map<String, Object> i : run.intervals()) {
            out.println("interval " + i.get("index") + "       " + i.get("classification") + ", score " + i.get("score")
                    + " (" + i.get("start") + " → " + i.get("end") + ")");
        }
        for (Map<String, Object> m : run.metrics()) {
            out.println("  [" + m.get("classification") + "] " + m.get("reason"));
        }
        out.println("requests         " + run.requests() + " while it ran, " + run.failedRequests() + " failed");
        out.println();
    }
}
