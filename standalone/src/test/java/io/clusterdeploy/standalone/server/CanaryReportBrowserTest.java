package io.clusterdeploy.standalone.server;

import static io.clusterdeploy.standalone.server.BrowserTests.eventually;
import static io.clusterdeploy.standalone.server.BrowserTests.freePort;
import static io.clusterdeploy.standalone.server.BrowserTests.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.awaitility.Awaitility.await;

import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.standalone.demo.SampleAppCommand;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The canary report in a real Chromium against the real server, under its strict CSP, on the local provider with
 * the {@code local} metric source (the load balancer's own counts) while real requests go through it: a canary
 * deploy whose canary is 20 ms slower than production, followed by the page while it runs and shown with its
 * intervals, traffic, decision and charts when it ends, then a canary analysis of two server groups; the page stops
 * asking once an operation has ended, and the cluster view links both to it.
 */
class CanaryReportBrowserTest {
    private static final String RED = "rgba(165, 14, 14, 1)";
    private static final String GREEN = "rgba(19, 115, 51, 1)";
    private static final List<String> SLOW = List.of("--latency-ms", "20");

    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void showsACanaryDeployAsItRunsThenItsVerdictIntervalsAndChartsAndAnAnalysisToo() throws Exception {
        long began = System.nanoTime();
        try (StandaloneServer server = StandaloneServer.start(BrowserTests.localAccount(tmp), "test", 0);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            OperationRunner ops = server.engine().operations();
            int lbPort = freePort();
            run(ops, Map.of("type", "upsertLoadBalancer", "account", "local", "name", "hello-prod",
                    "spec", Map.of("port", lbPort)));
            run(ops, deploy("redblack", "v1", List.of()));
            chromium.beforeEveryPage(BrowserTests.WATCH_PAGE);
            ChromeDriver driver = chromium.driver();
            CanaryReportPage page = new CanaryReportPage(driver);

            String deployId;
            String analysisId;
            try (Traffic traffic = Traffic.through(lbPort)) {
                eventually().until(() -> traffic.answered() >= 20);

                // The canary deploy: v2 is 20 ms slower; 3 intervals of 2 s, each judged over all since the start.
                Map<String, Object> canaryDeploy = deploy("canary", "v2", SLOW);
                canaryDeploy.put("canary", Map.of("lifetime", "PT6S", "interval", "PT2S", "step", "PT1S",
                        "trafficPercent", 25, "onMarginal", "fail", "scoreThresholds", Map.of("pass", 75, "marginal", 50),
                        "config", CONFIG));
                deployId = ops.start(canaryDeploy).id();
                page.open(server.uiUrl() + "canary.html?operation=" + deployId);
                eventually().untilAsserted(() -> {
                    assertThat(page.status()).isEqualTo("RUNNING");
                    assertThat(page.updated()).startsWith("Following");
                    assertThat(page.group("production")).isEqualTo("hello-prod-v000");
                });
                driver.executeScript("window.__sameDocument = 'yes'");
                // Baseline and canary appear as the deploy makes them, without a reload.
                eventually().untilAsserted(() -> {
                    assertThat(page.group("baseline")).isEqualTo("hello-prod-baseline-v000");
                    assertThat(page.group("canary")).isEqualTo("hello-prod-canary-v000");
                    assertThat(page.traffic("chosen")).isEqualTo("25% each to baseline and canary, exact weights per server group");
                });

                OperationState deployed = ops.awaitFinished(deployId, Duration.ofSeconds(120));
                Map<String, Object> record = (Map<String, Object>) deployed.context().get("canary");
                Map<String, Object> last = (Map<String, Object>) record.get("report");
                List<Map<String, Object>> intervals = (List<Map<String, Object>>) record.get("intervals");
                List<Map<String, Object>> metrics = (List<Map<String, Object>>) ((Map<String, Object>) last.get("report"))
                        .get("metrics");
                // The scenario: the canary's added latency is High, both error metrics are zeros on both sides
                // (Pass), so 2 of 3 pass, 66.67: Marginal against pass 75 and marginal 50, and onMarginal fails it.
                assertThat(metrics).extracting(m -> m.get("classification")).as("%s", metrics)
                        .containsExactly("High", "Pass", "Pass");
                assertThat(last).containsEntry("classification", "Marginal");
                assertThat(((Number) last.get("score")).doubleValue()).isEqualTo(66.67);
                assertThat(deployed.status()).as("%s", deployed.error()).isEqualTo(OperationStatus.FAILED);
                assertThat(record).containsEntry("decision", "fail");
                assertThat(intervals).hasSize(3);

                // The page shows the end by itself, without a reload.
                eventually().untilAsserted(() -> {
                    assertThat(page.verdict()).isEqualTo("Marginal");
                    assertThat(page.updated()).startsWith("Ended failed");
                });
                assertThat(driver.executeScript("return window.__sameDocument")).isEqualTo("yes");
                assertThat(page.title()).isEqualTo("Canary report: hello-prod");
                assertThat(page.score()).isEqualTo("66.67");
                assertThat(page.thresholds()).isEqualTo("pass ≥ 75 · marginal ≥ 50");
                assertThat(page.reason()).isEqualTo(last.get("reason")).isNotBlank();
                assertThat(page.decision()).isEqualTo("Failed: baseline and canary are destroyed, production is left as "
                        + "it was: " + record.get("reason"));
                assertThat((String) record.get("reason")).contains("the last of 3 interval(s) scored 66.67");
                assertThat(page.operationLine()).startsWith("Canary deploy FAILED · started ")
                        .endsWith("· 3 of 3 intervals judged");
                assertThat(page.intervalCount()).isEqualTo("3 of 3 intervals judged");
                List<String> rows = page.intervalRows();
                assertThat(rows).hasSize(3);
                for (int i = 0; i < 3; i++) {
                    Map<String, Object> interval = intervals.get(i);
                    assertThat(rows.get(i)).startsWith(String.valueOf(i + 1))
                            .contains(number(interval.get("score")), (String) interval.get("classification"),
                                    (String) interval.get("reason"));
                }
                assertThat(page.destroyed()).isEqualTo("Destroyed: hello-prod-baseline-v000, hello-prod-canary-v000");
                Map<String, Object> served = (Map<String, Object>) ((Map<String, Object>) record.get("traffic")).get("served");
                assertThat(page.traffic("served")).isEqualTo("baseline " + number(served.get("baselinePercent"))
                        + "%, canary " + number(served.get("canaryPercent")) + "% of " + total(served) + " requests");
                assertThat(page.fact("Lifetime")).isEqualTo("PT6S after a warmup of PT0S");
                assertThat(page.fact("Intervals")).isEqualTo("3 of PT2S, lookback the whole analysis");
                assertThat(page.fact("On marginal")).isEqualTo("fail");
                assertMetricRows(page, metrics);
                assertChartsDrawn(page, "score", "metric:latency p50", "metric:5xx per second", "metric:error rate");

                // Ended: it stops asking (more than two refresh periods without a read).
                long reads = page.operationReads(deployId);
                await().during(Duration.ofMillis(4500)).atMost(Duration.ofSeconds(30))
                        .until(() -> page.operationReads(deployId) == reads);
                System.out.println("canary report screenshot: " + fullPageScreenshot(driver, "canary-report.png"));
                System.out.println("drawn with ECharts " + driver.executeScript("return echarts.version"));

                // A canary analysis: production (v1) against a slower v3 beside it, one judgement.
                run(ops, deploy("none", "v3", SLOW));
                analysisId = ops.start(analysis()).id();
                page.open(server.uiUrl() + "canary.html?operation=" + analysisId);
                eventually().untilAsserted(() -> assertThat(page.group("canary")).isEqualTo("hello-prod-v001"));
                OperationState analysed = ops.awaitFinished(analysisId, Duration.ofSeconds(120));
                assertThat(analysed.status()).as("%s", analysed.error()).isEqualTo(OperationStatus.SUCCEEDED);
                traffic.close();
                assertThat(traffic.failed()).as("requests through the load balancer that failed").isZero();
                Map<String, Object> result = (Map<String, Object>) analysed.context().get("canaryAnalysis");
                List<Map<String, Object>> analysedMetrics = (List<Map<String, Object>>) ((Map<String, Object>) result
                        .get("report")).get("metrics");
                assertThat(analysedMetrics).extracting(m -> m.get("classification")).as("%s", analysedMetrics)
                        .containsExactly("High", "Pass", "Pass");
                eventually().untilAsserted(() -> {
                    assertThat(page.verdict()).isEqualTo(result.get("classification"));
                    assertThat(page.updated()).startsWith("Ended succeeded");
                });
                assertThat(page.group("baseline")).isEqualTo("hello-prod-v000");
                assertThat(page.reason()).isEqualTo(result.get("reason"));
                assertThat(page.operationLine()).startsWith("Canary analysis SUCCEEDED · started ").contains("· took ");
                assertThat(page.decision()).as("an analysis decides nothing").isNull();
                Map<String, Object> window = (Map<String, Object>) analysed.context().get("analysisWindow");
                assertThat(page.fact("Step")).isEqualTo("PT1S").isEqualTo(window.get("step"));
                assertThat(page.intervalRows()).isEmpty();
                assertThat(page.intervalSection()).contains("judges once");
                assertMetricRows(page, analysedMetrics);
                assertChartsDrawn(page, "metric:latency p50", "metric:5xx per second", "metric:error rate");
                System.out.println("canary analysis screenshot: "
                        + fullPageScreenshot(driver, "canary-analysis-report.png"));
            }

            // The tooltip is built from DOM nodes, never HTML with style attributes, so it shows under the CSP.
            eventually().untilAsserted(() -> assertThat(page.hoverMetricChart("latency p50"))
                    .contains("baseline: ").contains("canary: "));
            // Everything ran under the strict CSP without a violation or a script error...
            assertNoViolationOrError(driver);

            // The cluster view lists both under their application and links them to their reports.
            ClusterViewPage view = new ClusterViewPage(driver);
            view.open(server.uiUrl() + "?app=hello");
            eventually().untilAsserted(() -> assertThat(driver.findElements(By.cssSelector(".op-report")))
                    .extracting(l -> l.getAttribute("data-canary-report-link")).contains(deployId, analysisId));
            driver.findElement(By.cssSelector(".op-report[data-canary-report-link='" + deployId + "']")).click();
            eventually().untilAsserted(() -> {
                assertThat(driver.getCurrentUrl()).endsWith("/ui/canary.html?operation=" + deployId);
                assertThat(page.verdict()).isEqualTo("Marginal");
                assertThat(page.intervalCount()).isEqualTo("3 of 3 intervals judged");
            });
            assertNoViolationOrError(driver);
            // ...and the watch does see one: markup with a style attribute, as ECharts' own HTML tooltips are.
            driver.executeScript("document.body.insertAdjacentHTML('beforeend', '<div style=\"color: red\">x</div>')");
            eventually().untilAsserted(() -> assertThat(driver.executeScript("return window.__cspViolations"))
                    .asInstanceOf(LIST).singleElement().asString().startsWith("style-src"));
        }
        System.out.printf("CanaryReportBrowserTest took %.1f s%n", (System.nanoTime() - began) / 1e9);
    }

    /** Local metrics: the latency the canary adds, and two error metrics that are zero on both sides. */
    static final Map<String, Object> CONFIG = Map.of("source", "local", "metrics", List.of(
            Map.of("name", "latency p50", "query", "latency_p50", "direction", "increase"),
            Map.of("name", "5xx per second", "query", "errors_5xx", "direction", "increase"),
            Map.of("name", "error rate", "query", "error_rate", "direction", "increase")));

    /** Each metric's row: its class (and colour) and its reason, as the report says. */
    private static void assertMetricRows(CanaryReportPage page, List<Map<String, Object>> metrics) {
        assertThat(page.metricNames()).containsExactly("latency p50", "5xx per second", "error rate");
        for (Map<String, Object> m : metrics) {
            String name = (String) m.get("name");
            assertThat(page.metricClass(name)).as(name).isEqualTo(m.get("classification"));
            assertThat(page.metricReason(name)).as(name).isEqualTo(m.get("reason")).isNotBlank();
        }
        assertThat(page.metricReason("latency p50")).contains("higher");
        assertThat(page.metricClassColor("latency p50")).isEqualTo(RED);
        assertThat(page.metricClassColor("error rate")).isEqualTo(GREEN);
    }

    /** Every chart container, in order, holds a canvas ECharts drew on. */
    private static void assertChartsDrawn(CanaryReportPage page, String... keys) {
        List<Map<String, Object>> charts = page.charts();
        assertThat(charts).extracting(c -> c.get("key")).containsExactly((Object[]) keys);
        assertThat(charts).allSatisfy(c -> {
            assertThat(c.get("canvas")).as("%s", c).isEqualTo(true);
            assertThat((Long) c.get("width")).as("%s", c).isPositive();
            assertThat((Long) c.get("height")).as("%s", c).isPositive();
            assertThat((Long) c.get("painted")).as("%s", c).isGreaterThan(1000L);
        });
    }

    private static void assertNoViolationOrError(ChromeDriver driver) {
        assertThat(driver.executeScript("return window.__cspViolations")).asInstanceOf(LIST).isEmpty();
        assertThat(driver.executeScript("return window.__pageErrors")).asInstanceOf(LIST).isEmpty();
    }

    /** A number as the page writes it (up to 4 significant digits, en-US). */
    private static String number(Object n) {
        return new java.math.BigDecimal(((Number) n).doubleValue()).round(new java.math.MathContext(4))
                .stripTrailingZeros().toPlainString();
    }

    private static long total(Map<String, Object> served) {
        return ((Number) served.get("production")).longValue() + ((Number) served.get("baseline")).longValue()
                + ((Number) served.get("canary")).longValue();
    }

    /** The whole page, however long: the window is made as tall as the document for the shot. */
    private static Path fullPageScreenshot(ChromeDriver driver, String name) throws Exception {
        Dimension before = driver.manage().window().getSize();
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 140, 8000)));
        try {
            return BrowserTests.save(driver.getScreenshotAs(OutputType.BYTES), name);
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
        r.put("config", CONFIG);
        r.put("scoreThresholds", Map.of("pass", 75, "marginal", 50));
        return r;
    }

    /** One instance of the sample app behind hello-prod, with the app's own {@code flags}. */
    private static Map<String, Object> deploy(String strategy, String version, List<String> flags) {
        Map<String, Object> r = new HashMap<>();
        r.put("type", "deploy");
        r.put("account", "local");
        r.put("application", "hello");
        r.put("stack", "prod");
        r.put("strategy", strategy);
        r.put("capacity", Map.of("min", 1, "desired", 1, "max", 1));
        r.put("loadBalancers", List.of("hello-prod"));
        r.put("spec", SampleAppCommand.spec(version, flags));
        return r;
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
