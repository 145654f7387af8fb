package io.clusterdeploy.standalone.server;

import static io.clusterdeploy.standalone.server.BrowserTests.eventually;
import static io.clusterdeploy.standalone.server.BrowserTests.freePort;
import static io.clusterdeploy.standalone.server.BrowserTests.run;
import static io.clusterdeploy.standalone.server.BrowserTests.save;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.StepRecord;
import io.clusterdeploy.standalone.demo.SampleAppCommand;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster view in a real Chromium against the real server: what a person sees after a
 * red/black deploy, and that the page follows the cluster by itself when it changes.
 */
class ClusterViewBrowserTest {
    @TempDir
    Path tmp;

    @Test
    void showsTheClusterAfterARedBlackDeployAndFollowsChangesWithoutReload() throws Exception {
        long began = System.nanoTime();
        try (StandaloneServer server = StandaloneServer.start(BrowserTests.localAccount(tmp), "test", 0);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            OperationRunner ops = server.engine().operations();
            int lbPort = freePort();
            run(ops, Map.of("type", "upsertLoadBalancer", "account", "local", "name", "hello-prod",
                    "spec", Map.of("port", lbPort)));
            run(ops, deploy("none", "v1"));
            OperationState redBlack = run(ops, deploy("redblack", "v2"));
            assertThat(redBlack.context()).containsEntry("newServerGroup", "hello-prod-v001");

            chromium.beforeEveryPage(BrowserTests.WATCH_PAGE);
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
            // Polling an unchanged view: the page sends the ETag it holds and the server answers 304 without a body.
            eventually().untilAsserted(() -> assertThat(((Number) chromium.driver().executeScript(
                    "return performance.getEntriesByType('resource').filter(e => e.name.includes('/clusters')"
                            + " && e.responseStatus === 304).length")).intValue()).isPositive());

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
}
