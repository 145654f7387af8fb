package io.clusterdeploy.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.awaitility.Awaitility.await;

import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.standalone.config.AccountConfig;
import io.clusterdeploy.standalone.config.StandaloneConfig;
import io.clusterdeploy.standalone.demo.SampleAppCommand;
import io.clusterdeploy.standalone.hooks.HookHosts;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The canary report in a real Chromium against the real server, under its strict CSP: a canary analysis of two
 * server groups of the sample app on the local provider (the canary 20 ms slower), judged from the local load
 * balancer's own statistics while real requests go through it. The page follows the analysis while it runs,
 * shows the verdict, the groups and each metric's class, reason and chart when it ends, then stops asking; the
 * cluster view links to it.
 */
class CanaryReportBrowserTest {
    private static final String RED = "rgba(165, 14, 14, 1)";
    private static final String GREEN = "rgba(19, 115, 51, 1)";

    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void showsACanaryAnalysisAsItRunsAndItsVerdictWithChartsWhenItEnds() throws Exception {
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
            // Strategy none keeps both groups enabled behind hello-prod: each gets half of the requests.
            run(ops, deploy("v1", 0));
            run(ops, deploy("v2", 20));

            OperationState started;
            try (Traffic traffic = Traffic.through(lbPort)) {
                eventually().until(() -> traffic.answered() >= 20);
                started = ops.start(analysis());
                String id = started.id();

                chromium.beforeEveryPage(ClusterViewBrowserTest.WATCH_PAGE);
                ChromeDriver driver = chromium.driver();
                CanaryReportPage page = new CanaryReportPage(driver);
                page.open(server.uiUrl() + "canary.html?operation=" + id);
                // While the analysis waits for its window to end, the page says so and follows it.
                eventually().untilAsserted(() -> {
                    assertThat(page.status()).isEqualTo("RUNNING");
                    assertThat(page.verdict()).isEqualTo("Judging…");
                    assertThat(page.updated()).startsWith("Following");
                });
                assertThat(page.group("baseline")).isEqualTo("hello-prod-v000");
                assertThat(page.group("canary")).isEqualTo("hello-prod-v001");
                driver.executeScript("window.__sameDocument = 'yes'");

                OperationState done = ops.awaitFinished(id, Duration.ofSeconds(120));
                assertThat(done.status()).as("%s", done.error()).isEqualTo(OperationStatus.SUCCEEDED);
                traffic.close();
                assertThat(traffic.failed()).as("requests through the load balancer that failed").isZero();

                Map<String, Object> result = (Map<String, Object>) done.context().get("canaryAnalysis");
                Map<String, Object> report = (Map<String, Object>) result.get("report");
                List<Map<String, Object>> metrics = (List<Map<String, Object>>) report.get("metrics");
                // The scenario: the canary's added latency is High, both error metrics are zeros on both sides
                // (Pass), so 2 of 3 pass: 66.67, Marginal against pass 75 and marginal 50.
                assertThat(metrics).extracting(m -> m.get("classification")).as("%s", metrics)
                        .containsExactly("High", "Pass", "Pass");
                assertThat(result).containsEntry("classification", "Marginal");
                assertThat(((Number) result.get("score")).doubleValue()).isEqualTo(66.67);

                // The page shows the verdict by itself, without a reload, and then stops asking.
                eventually().untilAsserted(() -> {
                    assertThat(page.verdict()).isEqualTo("Marginal");
                    assertThat(page.updated()).startsWith("Ended succeeded");
                });
                assertThat(driver.executeScript("return window.__sameDocument")).isEqualTo("yes");
                assertThat(page.title()).isEqualTo("Canary report: hello-prod");
                assertThat(page.score()).isEqualTo("66.67");
                assertThat(page.thresholds()).isEqualTo("pass ≥ 75 · marginal ≥ 50");
                assertThat(page.reason()).isEqualTo(result.get("reason")).isNotBlank();
                assertThat(page.status()).isEqualTo("SUCCEEDED");
                assertThat(page.operationLine()).startsWith("Canary analysis SUCCEEDED · started ").contains("· took ");
                assertThat(page.decision()).as("an analysis decides nothing").isNull();
                Map<String, Object> window = (Map<String, Object>) done.context().get("analysisWindow");
                assertThat(page.fact("Step")).isEqualTo("PT1S").isEqualTo(window.get("step"));
                assertThat(page.fact("Window")).contains(" – ");
                // One judgement: no intervals, and the page says why.
                assertThat(page.intervalRows()).isEmpty();
                assertThat(page.intervalSection()).contains("judges once");

                assertThat(page.metricNames()).containsExactly("latency p50", "5xx per second", "error rate");
                for (Map<String, Object> m : metrics) {
                    String name = (String) m.get("name");
                    assertThat(page.metricClass(name)).as(name).isEqualTo(m.get("classification"));
                    assertThat(page.metricReason(name)).as(name).isEqualTo(m.get("reason")).isNotBlank();
                }
                assertThat(page.metricReason("latency p50")).contains("higher");
                assertThat(page.metricClassColor("latency p50")).isEqualTo(RED);
                assertThat(page.metricClassColor("error rate")).isEqualTo(GREEN);

                // Every chart container holds a canvas ECharts drew on.
                List<Map<String, Object>> charts = page.charts();
                assertThat(charts).extracting(c -> c.get("key"))
                        .containsExactly("metric:latency p50", "metric:5xx per second", "metric:error rate");
                assertThat(charts).allSatisfy(c -> {
                    assertThat(c.get("canvas")).as("%s", c).isEqualTo(true);
                    assertThat((Long) c.get("width")).as("%s", c).isPositive();
                    assertThat((Long) c.get("height")).as("%s", c).isPositive();
                    assertThat((Long) c.get("painted")).as("%s", c).isGreaterThan(1000L);
                });
                // Ended: it stops asking (two refresh periods and more without a read).
                long reads = page.operationReads(id);
                await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30))
                        .until(() -> page.operationReads(id) == reads);

                Path shot = fullPageScreenshot(driver, "canary-report.png");
                System.out.println("canary report screenshot: " + shot);

                // The tooltip is built from DOM nodes, never HTML with style attributes, so it shows under the CSP.
                eventually().untilAsserted(() -> assertThat(page.hoverMetricChart("latency p50"))
                        .contains("baseline: ").contains("canary: "));

                // Everything ran under the strict CSP without a violation or a script error...
                assertThat(driver.executeScript("return window.__cspViolations")).asInstanceOf(LIST).isEmpty();
                assertThat(driver.executeScript("return window.__pageErrors")).asInstanceOf(LIST).isEmpty();
                // ...and the watch does see one: markup with a style attribute, as ECharts' own HTML tooltips are.
                driver.executeScript("document.body.insertAdjacentHTML('beforeend', "
                        + "'<div id=\"styled\" style=\"color: red\">x</div>')");
                eventually().untilAsserted(() -> assertThat(driver.executeScript("return window.__cspViolations"))
                        .asInstanceOf(LIST).singleElement().asString().startsWith("style-src"));

                // The cluster view lists the analysis under its application and links it to this report.
                ClusterViewPage view = new ClusterViewPage(driver);
                view.open(server.uiUrl() + "?app=hello");
                eventually().untilAsserted(() -> assertThat(page.reportLinks())
                        .extracting(l -> l.getAttribute("data-canary-report-link")).containsExactly(id, id));
                assertThat(view.operations().get(0)).contains("canaryAnalysis", "SUCCEEDED", "hello-prod");
                driver.findElement(By.cssSelector(".op-report[data-canary-report-link='" + id + "']")).click();
                eventually().untilAsserted(() -> {
                    assertThat(driver.getCurrentUrl()).endsWith("/ui/canary.html?operation=" + id);
                    assertThat(page.verdict()).isEqualTo("Marginal");
                });
                assertThat(driver.executeScript("return window.__cspViolations")).asInstanceOf(LIST).isEmpty();
                assertThat(driver.executeScript("return window.__pageErrors")).asInstanceOf(LIST).isEmpty();
            }
        }
        System.out.printf("CanaryReportBrowserTest took %.1f s%n", (System.nanoTime() - began) / 1e9);
    }

    /** The whole page, however long: the window is made as tall as the document for the shot. */
    private static Path fullPageScreenshot(ChromeDriver driver, String name) throws Exception {
        Dimension before = driver.manage().window().getSize();
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 140, 8000)));
        try {
            return ClusterViewBrowserTest.save(driver.getScreenshotAs(OutputType.BYTES), name);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    private static Map<String, Object> analysis() {
        Map<String, Object> r = new HashMap<>();
        r.put("type", "canaryAnalysis");
        r.put("control", Map.of("account", "local", "serverGroup", "hello-prod-v000"));
        r.put("experiment", Map.of("account", "local", "serverGroup", "hello-prod-v001"));
        r.put("window", Map.of("lifetime", "PT6S"));
        r.put("step", "PT1S");
        r.put("config", Map.of("source", "local", "metrics", List.of(
                Map.of("name", "latency p50", "query", "latency_p50", "direction", "increase"),
                Map.of("name", "5xx per second", "query", "errors_5xx", "direction", "increase"),
                Map.of("name", "error rate", "query", "error_rate", "direction", "increase"))));
        r.put("scoreThresholds", Map.of("pass", 75, "marginal", 50));
        return r;
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

    /** One instance of the sample app behind hello-prod, answering each request {@code latencyMs} late. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> deploy(String version, int latencyMs) {
        Map<String, Object> spec = new HashMap<>(SampleAppCommand.spec(version));
        List<String> command = new ArrayList<>((List<String>) spec.get("command"));
        command.addAll(List.of("--latency-ms", String.valueOf(latencyMs)));
        spec.put("command", command);
        Map<String, Object> r = new HashMap<>();
        r.put("type", "deploy");
        r.put("account", "local");
        r.put("application", "hello");
        r.put("stack", "prod");
        r.put("strategy", "none");
        r.put("capacity", Map.of("min", 1, "desired", 1, "max", 1));
        r.put("loadBalancers", List.of("hello-prod"));
        r.put("spec", spec);
        return r;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Requests one after another through the load balancer, from a thread of its own, until closed (or for two
     * minutes at most): the traffic the local metric source counts.
     */
    static final class Traffic implements AutoCloseable {
        private static final Duration LONGEST = Duration.ofMinutes(2);

        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicLong answered = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final Thread thread;

        private Traffic(int port) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(10)).GET().build();
            long deadline = System.nanoTime() + LONGEST.toNanos();
            thread = new Thread(() -> {
                while (!stop.get() && System.nanoTime() < deadline) {
                    try {
                        HttpResponse<Void> r = http.send(get, HttpResponse.BodyHandlers.discarding());
                        (r.statusCode() == 200 ? answered : failed).incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }, "canary-report-traffic");
            thread.setDaemon(true);
            thread.start();
        }

        static Traffic through(int port) {
            return new Traffic(port);
        }

        long answered() {
            return answered.get();
        }

        long failed() {
            return failed.get();
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }
}
