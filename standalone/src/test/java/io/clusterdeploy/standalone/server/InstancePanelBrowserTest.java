package io.clusterdeploy.standalone.server;

import static io.clusterdeploy.standalone.server.BrowserTests.eventually;
import static io.clusterdeploy.standalone.server.BrowserTests.freePort;
import static io.clusterdeploy.standalone.server.BrowserTests.run;
import static io.clusterdeploy.standalone.server.BrowserTests.save;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.standalone.demo.SampleAppCommand;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instance panel in a real Chromium against the real server and a real local deploy: opened from a square by
 * click and by Enter, it shows what the API says about the instance and the line the instance printed, follows a
 * change by itself, and Escape closes it and gives the focus back to the square.
 */
class InstancePanelBrowserTest {
    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Json json = new Json();

    private Map<String, Object> api(StandaloneServer server, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readObject(r.body());
    }

    @Test
    void showsAnInstanceAsTheApiDoesWithTheEndOfItsLogAndClosesWithEscape() throws Exception {
        try (StandaloneServer server = StandaloneServer.start(BrowserTests.localAccount(tmp), "test", 0);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            OperationRunner ops = server.engine().operations();
            run(ops, Map.of("type", "upsertLoadBalancer", "account", "local", "name", "hello-prod",
                    "spec", Map.of("port", freePort())));
            run(ops, Map.of("type", "deploy", "account", "local", "application", "hello", "stack", "prod",
                    "strategy", "none", "capacity", Map.of("min", 2, "desired", 2, "max", 2),
                    "loadBalancers", List.of("hello-prod"), "spec", SampleAppCommand.spec("v1")));

            chromium.beforeEveryPage(BrowserTests.WATCH_PAGE);
            ClusterViewPage view = new ClusterViewPage(chromium.driver());
            InstancePanelPage panel = new InstancePanelPage(chromium.driver());
            view.open(server.uiUrl() + "?app=hello");
            eventually().untilAsserted(() -> assertThat(panel.instanceIds("hello-prod-v000")).hasSize(2));
            List<String> ids = panel.instanceIds("hello-prod-v000");
            assertThat(panel.isOpen()).isFalse();

            // Opened by a click: what the API answers for that instance.
            String first = ids.get(0);
            String group = "/applications/hello/serverGroups/local/hello-prod-v000/instances/";
            Map<String, Object> expected = api(server, group + first + "?account=local");
            panel.click(first);
            eventually().untilAsserted(() -> {
                assertThat(panel.isOpen()).isTrue();
                assertThat(panel.id()).isEqualTo(first);
                assertThat(panel.address()).isEqualTo(expected.get("address")).startsWith("127.0.0.1:");
            });
            assertThat(panel.title()).isEqualTo("Instance " + first);
            assertThat(panel.healthState()).isEqualTo(expected.get("health")).isEqualTo("UP");
            assertThat(panel.healthText()).isEqualTo("up");
            Instant launched = Instant.parse((String) expected.get("launched"));
            assertThat(Instant.parse(panel.launchedInstant())).isEqualTo(launched.truncatedTo(ChronoUnit.MILLIS));
            assertThat(panel.launchedText()).matches("(just now|\\d+ s ago|\\d+ min ago) \\(.+\\)");
            assertThat(panel.location()).isEqualTo("local");
            @SuppressWarnings("unchecked")
            Map<String, String> facts = (Map<String, String>) expected.get("facts");
            assertThat(panel.cloudFact("pid")).isEqualTo(facts.get("pid")).matches("[0-9]+");
            assertThat(panel.cloudFact("traffic")).isEqualTo("in rotation");
            String port = panel.address().substring("127.0.0.1:".length());
            assertThat(panel.checks()).singleElement().asString()
                    .startsWith("passing GET http://127.0.0.1:" + port + "/health — HTTP 200, checked ");
            // The line the instance printed when it started, from its own log.
            eventually().untilAsserted(() -> assertThat(panel.log())
                    .contains("HelloApp v1 instance " + first + " listening on 127.0.0.1:" + port));
            assertThat(panel.logNote()).contains("refreshed every 2 s while open");
            panel.refresh();
            eventually().untilAsserted(() -> assertThat(panel.log()).contains("instance " + first + " listening"));
            save(view.screenshot(), "instance-panel.png");

            // Open, it follows the instance by itself: a disable shows without a click.
            run(ops, Map.of("type", "disable", "account", "local", "serverGroupName", "hello-prod-v000"));
            eventually().untilAsserted(() -> {
                assertThat(panel.healthState()).isEqualTo("OUT_OF_SERVICE");
                assertThat(panel.healthText()).isEqualTo("out of service");
                assertThat(panel.cloudFact("traffic")).isEqualTo("out of rotation");
            });

            // Escape closes it, gives the focus back to the square, and the panel stops reading.
            panel.pressEscape();
            eventually().untilAsserted(() -> assertThat(panel.isOpen()).isFalse());
            assertThat(panel.focusedInstance()).isEqualTo(first);
            long reads = panel.instanceReads();
            // Proves an absence, so it has to wait: with the panel reading every 2 s this would see 4 more.
            Thread.sleep(5_000);
            assertThat(panel.instanceReads() - reads).as("reads after closing (one pair may have been under way)")
                    .isLessThanOrEqualTo(2);

            // Opened from the keyboard: Enter on the other square.
            String second = ids.get(1);
            panel.pressEnterOn(second);
            eventually().untilAsserted(() -> {
                assertThat(panel.isOpen()).isTrue();
                assertThat(panel.id()).isEqualTo(second);
                assertThat(panel.address()).isEqualTo(api(server, group + second + "?account=local").get("address"));
                assertThat(panel.log()).contains("HelloApp v1 instance " + second + " listening");
            });
            panel.pressEscape();
            eventually().untilAsserted(() -> assertThat(panel.isOpen()).isFalse());
            assertThat(panel.focusedInstance()).isEqualTo(second);

            assertThat(chromium.driver().executeScript("return window.__cspViolations")).asInstanceOf(LIST).isEmpty();
            assertThat(chromium.driver().executeScript("return window.__pageErrors")).asInstanceOf(LIST).isEmpty();
        }
    }
}
