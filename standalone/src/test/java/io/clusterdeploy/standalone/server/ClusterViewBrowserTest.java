package io.clusterdeploy.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.awaitility.Awaitility.await;

import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.operation.StepRecord;
import io.clusterdeploy.standalone.config.AccountConfig;
import io.clusterdeploy.standalone.config.StandaloneConfig;
import io.clusterdeploy.standalone.demo.SampleAppCommand;
import io.clusterdeploy.standalone.hooks.HookHosts;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.StaleElementReferenceException;

/**
 * The cluster view in a real Chromium against the real server: what a person sees after a
 * red/black deploy, and that the page follows the cluster by itself when it changes.
 */
class ClusterViewBrowserTest {
    /** Collects what the page's own scripts and the browser's CSP enforcement report (CanaryReportBrowserTest too). */
    static final String WATCH_PAGE = """
            window.__cspViolations = [];
            window.__pageErrors = [];
            document.addEventListener('securitypolicyviolation',
                e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
            window.addEventListener('error', e => window.__pageErrors.push(String(e.message)));
            window.addEventListener('unhandledrejection', e => window.__pageErrors.push(String(e.reason)));
            """;

    @TempDir
    Path tmp;

    @Test
    void showsTheClusterAfterARedBlackDeployAndFollowsChangesWithoutReload() throws Exception {
        long began = System.nanoTime();
        StandaloneConfig config = new StandaloneConfig(tmp, List.of(new AccountConfig("local", "local",
                Map.of("stateDir", tmp.resolve("local").toString(), "healthCheckIntervalMillis", 100))),
                List.of(), List.of(), HookHosts.loopbackOnly());
        try (StandaloneServer server = StandaloneServer.start(config, "test", 0);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            OperationRunner ops = server.engine().operations();
            int lbPort = freePort();
            run(ops, Map.of("type", "upsertLoadBalancer", "account", "local", "name", "hello-prod",
                    "spec", Map.of("port", lbPort)));
            run(ops, deploy("none", "v1"));
            OperationState redBlack = run(ops, deploy("redblack", "v2"));
            assertThat(redBlack.context()).containsEntry("newServerGroup", "hello-prod-v001");

            chromium.beforeEveryPage(WATCH_PAGE);
            ClusterViewPage page = new ClusterViewPage(chromium.driver());
            page.open(server.uiUrl() + "?app=hello");

            eventually().untilAsserted(() -> {
                assertThat(page.selectedApplication()).isEqualTo("hello");
                assertThat(page.clusterHeading("hello-prod")).isEqualTo("hello-prod");
                assertThat(page.placeOf("hello-prod")).isEqualTo("account local · location local");
                assertThat(page.cardNames("hello-prod")).containsExactly("hello-prod-v001", "hello-prod-v000");
            });
            assertThat(page.sequence("hello-prod-v001")).isEqualTo("v001");
            assertThat(page.sequence("hello-prod-v000")).isEqualTo("v000");
            assertThat(page.badge("hello-prod-v001")).isEqualTo("Enabled");
            assertThat(page.badge("hello-prod-v000")).isEqualTo("Disabled");
            assertThat(page.fact("hello-prod-v001", "Capacity")).isEqualTo("min 2 · desired 2 · max 2");
            assertThat(page.fact("hello-prod-v001", "Instances")).isEqualTo("2 of 2 up");
            assertThat(page.fact("hello-prod-v001", "Load balancers")).isEqualTo("hello-prod");
            assertThat(page.fact("hello-prod-v001", "Created")).isNotBlank().isNotEqualTo("—");
            // The artifact is shortened on the card; its tooltip has it all.
            String artifact = page.artifactTooltip("hello-prod-v001");
            assertThat(artifact).contains("--version v2");
            assertThat(page.fact("hello-prod-v001", "Artifact")).contains("…").endsWith("--version v2 --instance-id $INSTANCE_ID")
                    .hasSizeLessThan(artifact.length());
            assertThat(page.squares("hello-prod-v001")).hasSize(2).allSatisfy(sq -> {
                assertThat(sq.color()).isEqualTo(ClusterViewPage.GREEN);
                assertThat(sq.tooltip()).startsWith("hello-prod-v001-").contains("127.0.0.1:").endsWith(" UP");
                assertThat(sq.accessibleName()).isEqualTo(sq.tooltip());
            });
            assertThat(page.squares("hello-prod-v000")).hasSize(2)
                    .allSatisfy(sq -> assertThat(sq.tooltip()).endsWith(" OUT_OF_SERVICE"));
            assertThat(page.loadBalancerRow("hello-prod")).contains("local").contains("127.0.0.1:" + lbPort);
            assertThat(page.lastUpdated()).startsWith("Last updated ");
            assertThat(page.banner()).isNull();

            // The red/black deploy, newest first above v1's deploy and the load balancer's upsert.
            assertThat(page.operations()).hasSize(3);
            assertThat(page.operations().get(0)).contains("deploy", "SUCCEEDED", "hello-prod → hello-prod-v001");
            page.selectOperation("deploy", "hello-prod-v001");
            List<String> steps = redBlack.steps().stream().map(StepRecord::name).toList();
            assertThat(steps).isNotEmpty();
            eventually().untilAsserted(() -> {
                assertThat(page.timelineTitle()).contains("deploy hello-prod").contains("SUCCEEDED");
                assertThat(page.stepNames()).containsExactlyElementsOf(steps);
                assertThat(page.stepStatuses()).hasSameSizeAs(steps).containsOnly("SUCCEEDED");
            });
            save(page.screenshot(), "cluster-view.png");

            // A change made elsewhere shows up by itself: no reload (the marker survives).
            chromium.driver().executeScript("window.__sameDocument = 'yes'");
            run(ops, Map.of("type", "disable", "account", "local", "serverGroupName", "hello-prod-v001"));
            eventually().untilAsserted(() -> {
                assertThat(page.badge("hello-prod-v001")).isEqualTo("Disabled");
                assertThat(page.fact("hello-prod-v001", "Instances")).isEqualTo("0 of 2 up");
                assertThat(page.squares("hello-prod-v001")).hasSize(2).allSatisfy(sq -> {
                    assertThat(sq.color()).isEqualTo(ClusterViewPage.BLUE);
                    assertThat(sq.tooltip()).endsWith(" OUT_OF_SERVICE");
                });
                assertThat(page.operations()).hasSize(4);
                assertThat(page.operations().get(0)).contains("disable", "SUCCEEDED", "hello-prod-v001");
            });
            assertThat(chromium.driver().executeScript("return window.__sameDocument")).isEqualTo("yes");
            // The operation chosen earlier stays selected while the list grows.
            assertThat(page.timelineTitle()).contains("deploy hello-prod");
            save(page.screenshot(), "cluster-view-after-disable.png");

            // Everything ran under the strict CSP without a violation or a script error...
            assertThat(chromium.driver().executeScript("return window.__cspViolations")).asInstanceOf(LIST).isEmpty();
            assertThat(chromium.driver().executeScript("return window.__pageErrors")).asInstanceOf(LIST).isEmpty();
            // ...and the browser does enforce it: an inline script is blocked and reported.
            chromium.driver().executeScript("""
                    const s = document.createElement('script');
                    s.textContent = 'window.__inlineRan = true';
                    document.body.append(s);""");
            eventually().untilAsserted(() -> assertThat(chromium.driver().executeScript("return window.__cspViolations"))
                    .asInstanceOf(LIST).singleElement().asString().startsWith("script-src"));
            assertThat(chromium.driver().executeScript("return window.__inlineRan === true")).isEqualTo(false);

            // When the API is gone, the page says so and keeps the last known state.
            server.close();
            eventually().untilAsserted(() -> assertThat(page.banner()).startsWith("Cannot read the Cluster Deploy API"));
            assertThat(page.cardNames("hello-prod")).containsExactly("hello-prod-v001", "hello-prod-v000");
            save(page.screenshot(), "cluster-view-api-down.png");
        }
        System.out.printf("ClusterViewBrowserTest took %.1f s%n", (System.nanoTime() - began) / 1e9);
    }

    /** Explicit waits only: long enough for a slow CI machine, polling, never a fixed sleep. */
    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreException(StaleElementReferenceException.class);
    }

    private static OperationState run(OperationRunner ops, Map<String, Object> request) throws InterruptedException {
        OperationState done = ops.awaitFinished(ops.start(request).id(), Duration.ofSeconds(180));
        assertThat(done.status()).as("%s: %s", request.get("type"), done.error()).isEqualTo(OperationStatus.SUCCEEDED);
        return done;
    }

    private static Map<String, Object> deploy(String strategy, String version) {
        Map<String, Object> r = new HashMap<>();
        r.put("type", "deploy");
        r.put("account", "local");
        r.put("application", "hello");
        r.put("stack", "prod");
        r.put("strategy", strategy);
        r.put("capacity", Map.of("min", 2, "desired", 2, "max", 2));
        r.put("loadBalancers", List.of("hello-prod"));
        r.put("spec", SampleAppCommand.spec(version));
        return r;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Next to the build's other output (target/ or the -Dcd.buildDir one), for a person to look at. */
    static Path save(byte[] png, String name) throws Exception {
        Path testClasses = Path.of(ClusterViewBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path file = testClasses.getParent().resolve("screenshots").resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, png);
        return file;
    }
}
