package io.clusterdeploy.standalone.cli;

import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.standalone.demo.Demo;
import io.clusterdeploy.standalone.demo.CanaryDemo;
import io.clusterdeploy.standalone.demo.CanaryDemoReport;
import io.clusterdeploy.standalone.demo.CanaryDemoReportText;
import io.clusterdeploy.standalone.demo.DemoOptions;
import io.clusterdeploy.standalone.demo.DemoReport;
import io.clusterdeploy.standalone.demo.DemoReportText;
import io.clusterdeploy.standalone.server.Banner;
import io.clusterdeploy.standalone.server.StandaloneServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: a red/black deploy of the sample app under load, through the server's own API. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the server with one local account, deploy sample app v1 behind load balancer hello-prod, "
                + "then red/black deploy v2 under steady load and report failed requests and versions (with --canary: "
                + "a failing and a passing canary instead).")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "API port on 127.0.0.1; 0 (default) picks a free one.")
    int port;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "State dir (token, instance logs). Default: a fresh temporary dir.")
    Path stateDir;

    @Option(names = "--exit", description = "Exit after the report: 0 if no request failed and only v2 answers, else 1.")
    boolean exit;

    @Option(names = "--json", description = "Print the report as one JSON object on stdout; everything else goes to stderr.")
    boolean json;

    @Option(names = "--canary", description = "Instead of the red/black demo: a canary of a bad v2 fails and production "
            + "keeps v1, then a canary of a good v3 passes and is promoted by red/black; prints the report of each.")
    boolean canary;

    @Override
    public Integer call() throws Exception {
        ServeCommand.Ports.check(spec, port);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = json ? spec.commandLine().getErr() : out;
        Demo demo = new Demo(DemoOptions.defaults(port, stateDir), progress);
        StandaloneServer server = demo.startServer();
        StopSignal stop = StopSignal.closeOnShutdown(server);
        boolean passed;
        String lbAddress;
        try {
            // In --json mode stdout carries the report only; the token stays in its file.
            Banner.started(progress, server, !json);
            if (canary) {
                CanaryDemoReport report = new CanaryDemo(demo, DemoOptions.defaults(port, stateDir)).drive(server);
                if (json) {
                    out.println(new Json().write(report.toJsonMap()));
                } else {
                    CanaryDemoReportText.print(out, report);
                }
                passed = report.passed();
                lbAddress = report.loadBalancer().address();
            } else {
                DemoReport report = demo.drive(server);
                if (json) {
                    out.println(new Json().write(report.toJsonMap()));
                } else {
                    DemoReportText.print(out, report);
                }
                passed = report.passed();
                lbAddress = report.loadBalancer().address();
            }
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        out.flush();
        if (exit) {
            server.close();
            return passed ? 0 : Cli.EXIT_FAILURE;
        }
        progress.println("Still serving " + server.url() + " and http://" + lbAddress
                + "/ ; Ctrl-C stops it and every process it started.");
        progress.flush();
        stop.await();
        return 0;
    }
}
