package io.clusterdeploy.standalone.demo;

import java.io.PrintWriter;

/** The report for people. */
public final class DemoReportText {
    private DemoReportText() {
    }

    public static void print(PrintWriter out, DemoReport r) {
        out.println();
        out.println("=== Red/black deploy under load ===");
        out.println("load balancer    " + r.loadBalancer().name() + " at http://" + r.loadBalancer().address() + "/");
        out.println("requests         " + r.requests());
        out.println("failed requests  " + r.failedRequests() + (r.failureReasons().isEmpty() ? "" : " " + r.failureReasons()));
        out.println("versions before  " + r.versionsBefore());
        out.println("versions after   " + r.versionsAfter());
        out.println("deploy           " + r.deploy().operationId() + " " + r.deploy().status()
                + (r.deploy().error() == null ? "" : ": " + r.deploy().error()));
        out.println("steps:");
        for (DemoReport.StepInfo s : r.steps()) {
            out.printf("  %-28s %-8s %-9s %s → %s  %s%n", s.name(), s.phase(), s.status(), s.startedAt(), s.endedAt(),
                    s.message() == null ? "" : s.message());
        }
        out.println("server groups:");
        for (DemoReport.ServerGroupInfo g : r.serverGroups()) {
            out.printf("  %-18s %-9s %d instances, %d up%n", g.name(), g.enabled() ? "enabled" : "disabled",
                    g.instances(), g.up());
        }
        out.println(r.passed() ? "RESULT: passed (no failed request, only " + DemoReport.NEW_VERSION + " answers)"
                : "RESULT: FAILED");
        out.flush();
    }
}
