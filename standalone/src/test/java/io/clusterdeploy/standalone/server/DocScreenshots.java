package io.clusterdeploy.standalone.server;

import static io.clusterdeploy.standalone.server.BrowserTests.freePort;
import static io.clusterdeploy.standalone.server.BrowserTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.provider.ProviderTypes;
import io.clusterdeploy.engine.testing.SyntheticProviderFactory;
import io.clusterdeploy.provider.local.LocalProviderFactory;
import io.clusterdeploy.standalone.config.AccountConfig;
import io.clusterdeploy.standalone.config.EnvSecretResolver;
import io.clusterdeploy.standalone.config.StandaloneConfig;
import io.clusterdeploy.standalone.demo.SampleAppCommand;
import io.clusterdeploy.standalone.hooks.HookHosts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The screenshots of docs/screenshots/, made by {@code docs/screenshots/make.sh} (see its header): the real server
 * and real Chromium, as the browser tests run them, with the scenes a user reads about in docs/standalone.md. Not a
 * test of the build: its name is outside surefire's default includes, and without {@code -Dcd.screenshots=DIR} it is
 * skipped even when a pattern selects it. Each scene waits for what it shows (by the same selectors as the browser
 * tests) and fails naming the scene when it does not appear, so a picture is never taken of a half-drawn page.
 */
class DocScreenshots {
    /** The page's viewport for every shot: what a laptop shows, and small files. */
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    /** A whole page is shot up to this height. */
    private static final int MAX_HEIGHT = 2400;

    @TempDir
    Path tmp;

    private final Json json = new Json();
    private Path out;

    private static ConditionFactory eventually(String scene) {
        return BrowserTests.eventually().alias(scene).ignoreExceptionsMatching(e -> e instanceof NoSuchElementException
                || e instanceof StaleElementReferenceException);
    }

    @Test
    void make() throws Exception {
        String dir = System.getProperty("cd.screenshots");
        Assumptions.assumeTrue(dir != null && !dir.isBlank(), "made only by docs/screenshots/make.sh");
        out = Files.createDirectories(Path.of(dir));
        long began = System.nanoTime();
        smallApplication();
        bigApplication();
        canaryReport();
        System.out.printf("DocScreenshots: made in %.0f s, in %s%n", (System.nanoTime() - began) / 1e9, out);
    }

    private HeadlessChromium chromium() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.start();
        chromium.beforeEveryPage(BrowserTests.WATCH_PAGE);
        viewport(chromium.driver(), HEIGHT);
        return chromium;
    }

    /** Sizes the window so that the page's own viewport is {@value #WIDTH} wide and {@code height} high. */
    private static void viewport(ChromeDriver driver, int height) {
        driver.manage().window().setSize(new Dimension(WIDTH, height));
        long inner = (Long) driver.executeScript("return window.innerHeight");
        long innerWidth = (Long) driver.executeScript("return window.innerWidth");
        driver.manage().window().setSize(new Dimension(WIDTH + (int) (WIDTH - innerWidth), height + (int) (height - inner)));
    }

    /** The whole page (up to {@value #MAX_HEIGHT} pixels), as a reader scrolls through it; then the usual viewport. */
    private void shootWhole(ChromeDriver driver, String name) throws Exception {
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        viewport(driver, (int) Math.min(Math.max(height, HEIGHT), MAX_HEIGHT));
        try {
            settle(driver);
            shoot(driver, name);
        } finally {
            viewport(driver, HEIGHT);
        }
    }

    private void shoot(ChromeDriver driver, String name) throws Exception {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Path file = out.resolve(name);
        Files.write(file, png);
        System.out.printf("DocScreenshots: %s (%d KB)%n", file, png.length / 1024);
    }

    // ---- the small application: two accounts (one protected), a few clusters, an operation running ---------------

    private void smallApplication() throws Exception {
        StandaloneConfig config = new StandaloneConfig(tmp, List.of(
                new AccountConfig("local", "local", Map.of("stateDir", tmp.resolve("local").toString(),
                        "healthCheckIntervalMillis", 200)),
                new AccountConfig("prod", "local", Map.of("stateDir", tmp.resolve("prod").toString(),
                        "healthCheckIntervalMillis", 200), true)),
                List.of(), List.of(), HookHosts.loopbackOnly());
        try (StandaloneServer server = StandaloneServer.start(config, "docs", 0);
             HeadlessChromium chromium = chromium()) {
            OperationRunner ops = server.engine().operations();
            // Through the HTTP API with the API token, as a script would: the operations say who and why.
            Api api = new Api(server);
            api.run(Map.of("type", "upsertLoadBalancer", "account", "local", "name", "hello-staging",
                    "spec", Map.of("port", freePort())), ops);
            api.run(deploy("local", "staging", "none", "v1", 1, List.of("hello-staging"), "first staging build"), ops);
            api.run(deploy("local", "staging", "redblack", "v2", 2, List.of("hello-staging"), "checkout fix"), ops);
            api.run(deploy("local", "canary", "none", "v2", 1, List.of(), null), ops);
            api.run(Map.of("type", "upsertLoadBalancer", "account", "prod", "name", "hello-prod",
                    "spec", Map.of("port", freePort())), ops);
            api.run(deploy("prod", "prod", "none", "v1", 2, List.of("hello-prod"), "release 1.0"), ops);
            // Running while the pictures are taken: a red/black that waits before disabling the old group.
            Map<String, Object> slow = deploy("prod", "prod", "redblack", "v2", 2, List.of("hello-prod"),
                    "release 1.1 with the checkout fix");
            slow.put("delayBeforeDisableSec", 600);
            slow.put("rollback", Map.of("onFailure", true)); // so that its cancel shows rollback steps
            String running = api.start(slow);

            ChromeDriver driver = chromium.driver();
            ClusterViewPage view = new ClusterViewPage(driver);
            ClusterActionsPage actions = new ClusterActionsPage(driver);
            driver.get(server.newSignInLink());
            eventually("signed in").untilAsserted(() -> assertThat(actions.rights()).startsWith("Acting as"));
            view.open(server.signInHostUiUrl() + "?app=hello");
            eventually("the small application's clusters").untilAsserted(() -> {
                assertThat(view.cardNames("hello-staging")).containsExactly("hello-staging-v001", "hello-staging-v000");
                assertThat(view.cardNames("hello-canary")).containsExactly("hello-canary-v000");
                assertThat(view.cardNames("hello-prod")).containsExactly("hello-prod-v001", "hello-prod-v000");
                assertThat(ops.get(running).orElseThrow().steps()).extracting(s -> s.name())
                        .contains("waitBeforeDisable");
            });
            selectOperation(driver, view, running);
            eventually("the running operation's timeline").untilAsserted(() -> {
                assertThat(view.timelineTitle()).contains("hello-prod").contains("RUNNING");
                assertThat(view.stepNames()).contains("waitBeforeDisable");
            });
            shootWhole(driver, "cluster-view.png");

            // A resize: the plan first, with a reason.
            actions.act("resize", "hello-staging-v001");
            eventually("the resize plan").untilAsserted(() -> assertThat(actions.planOutcomeCode()).isEqualTo("SUCCEEDS"));
            actions.setField("max", 4);
            actions.setField("desired", 3);
            eventually("the resize plan for 3 instances").untilAsserted(() -> assertThat(actions.planActions())
                    .anyMatch(a -> a.contains("→ 1/3/4")));
            actions.reason("more room for the sale");
            settle(driver);
            shoot(driver, "action-resize-plan.png");
            closeDialog(driver);

            // A destroy on the protected account: the account's name must be typed.
            actions.act("destroy", "hello-prod-v000");
            eventually("the protected destroy's plan").untilAsserted(() -> {
                assertThat(actions.planOutcomeCode()).isNotBlank();
                assertThat(actions.asksForAccountName()).isTrue();
            });
            actions.typeAccountName("pro");
            settle(driver);
            shoot(driver, "action-protected-destroy.png");
            closeDialog(driver);

            // Cancel the running deploy, with a reason; the timeline then says who and why.
            actions.cancelShownOperation();
            eventually("the cancel dialog").untilAsserted(() -> assertThat(actions.dialogOpen()).isTrue());
            actions.reason("the canary dashboards are red");
            settle(driver);
            shoot(driver, "action-cancel.png");
            actions.confirm();
            OperationState cancelled = ops.awaitFinished(running, Duration.ofSeconds(120));
            assertThat(cancelled.status().name()).as("the cancelled deploy: %s", cancelled.error()).isEqualTo("CANCELLED");
            selectOperation(driver, view, running);
            eventually("the cancelled operation's timeline").untilAsserted(() -> {
                assertThat(view.timelineTitle()).contains("CANCELLED");
                assertThat(driver.findElement(By.cssSelector(".timeline .op-cancelled")).getText())
                        .contains("the canary dashboards are red");
            });
            shootWhole(driver, "operation-cancelled.png");

            // An instance's panel: its details and the end of its own log.
            InstancePanelPage panel = new InstancePanelPage(driver);
            eventually("the staging group's instances").until(() -> !panel.instanceIds("hello-staging-v001").isEmpty());
            panel.click(panel.instanceIds("hello-staging-v001").get(0));
            eventually("the instance panel with its log").untilAsserted(() -> {
                assertThat(panel.isOpen()).isTrue();
                assertThat(panel.log()).contains("listening on 127.0.0.1:");
            });
            settle(driver);
            shoot(driver, "instance-panel.png");
            panel.pressEscape();

            // Filters, kept in the URL: the enabled groups of the stack "staging".
            view.open(server.signInHostUiUrl() + "?app=hello&stack=staging&status=enabled");
            eventually("the filtered view").untilAsserted(() -> {
                assertThat(view.cardNames("hello-staging")).containsExactly("hello-staging-v001");
                assertThat(driver.findElements(By.cssSelector("[data-cluster='hello-prod']"))).isEmpty();
            });
            settle(driver);
            shoot(driver, "cluster-view-filtered.png");

            // No application chosen: the overview of every application.
            view.open(server.signInHostUiUrl());
            ClusterFiltersPage overview = new ClusterFiltersPage(driver);
            eventually("the applications overview").untilAsserted(() -> assertThat(overview.panelTitle())
                    .isEqualTo("Applications"));
            settle(driver);
            shoot(driver, "applications-overview.png");
        }
    }

    /** Picks the operation in the list when the view did not already show it. */
    private static void selectOperation(ChromeDriver driver, ClusterViewPage view, String id) {
        eventually("operation " + id + " in the list").until(() -> !driver.findElements(
                By.cssSelector("[data-operation-id='" + id + "']")).isEmpty());
        WebElement button = driver.findElement(By.cssSelector("[data-operation-id='" + id + "']"));
        if (!"true".equals(button.getAttribute("aria-pressed"))) {
            button.click();
        }
    }

    private static void closeDialog(ChromeDriver driver) {
        driver.findElement(By.cssSelector("[data-action-dialog] [data-dialog-close]")).click();
        eventually("the dialog closed").until(() -> Boolean.FALSE.equals(driver.executeScript(
                "const d = document.querySelector('[data-action-dialog]'); return Boolean(d && d.open);")));
    }

    /** Two animation frames: what was just set is painted before the shot. */
    private static void settle(ChromeDriver driver) {
        driver.executeAsyncScript("const done = arguments[0];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => done()));");
    }

    private static Map<String, Object> deploy(String account, String stack, String strategy, String version,
                                              int instances, List<String> loadBalancers, String reason) {
        Map<String, Object> r = new HashMap<>();
        r.put("type", "deploy");
        r.put("account", account);
        r.put("application", "hello");
        r.put("stack", stack);
        r.put("strategy", strategy);
        r.put("capacity", Map.of("min", 1, "desired", instances, "max", Math.max(instances, 2)));
        r.put("loadBalancers", loadBalancers);
        r.put("spec", SampleAppCommand.spec(version));
        if (reason != null) {
            r.put("reason", reason);
        }
        if (account.equals("prod")) {
            r.put("confirmAccount", "prod");
        }
        return r;
    }

    /** POST /api/operations with the API token. */
    private final class Api {
        private final StandaloneServer server;
        private final HttpClient http = HttpClient.newHttpClient();

        Api(StandaloneServer server) {
            this.server = server;
        }

        String start(Map<String, Object> request) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/operations"))
                    .header("Authorization", "Bearer " + server.token().value())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.write(request))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("%s: %s", request.get("type"), r.body()).isEqualTo(202);
            return (String) json.readObject(r.body()).get("id");
        }

        void run(Map<String, Object> request, OperationRunner ops) throws Exception {
            OperationState done = ops.awaitFinished(start(request), Duration.ofSeconds(180));
            assertThat(done.status().name()).as("%s: %s", request.get("type"), done.error()).isEqualTo("SUCCEEDED");
        }
    }

    // ---- 10,000 server groups ------------------------------------------------------------------------------------

    private void bigApplication() throws Exception {
        StandaloneConfig config = new StandaloneConfig(tmp.resolve("big"), List.of(new AccountConfig("synthetic",
                SyntheticProviderFactory.TYPE, Map.of("application", "big", "serverGroups", 10_000,
                        "instancesPerGroup", 10, "groupsPerCluster", 10))));
        ProviderTypes types = new ProviderTypes(List.of(new LocalProviderFactory(), new SyntheticProviderFactory()));
        try (StandaloneServer server = StandaloneServer.start(config, "docs", types, EnvSecretResolver.system(), 0);
             HeadlessChromium chromium = chromium()) {
            ChromeDriver driver = chromium.driver();
            ClusterViewPage view = new ClusterViewPage(driver);
            view.open(server.uiUrl() + "?app=big");
            eventually("the 10,000-group application").untilAsserted(() -> {
                assertThat(((Number) driver.executeScript("return document.querySelectorAll('.cluster').length"))
                        .intValue()).isEqualTo(1_000);
                assertThat(view.cardNames("big-stack0")).hasSize(10);
            });
            settle(driver);
            shoot(driver, "big-application.png");
        }
    }

    // ---- the canary report ---------------------------------------------------------------------------------------

    private void canaryReport() throws Exception {
        try (StandaloneServer server = StandaloneServer.start(BrowserTests.localAccount(tmp.resolve("canary")), "docs", 0);
             HeadlessChromium chromium = chromium()) {
            OperationRunner ops = server.engine().operations();
            int lbPort = freePort();
            run(ops, Map.of("type", "upsertLoadBalancer", "account", "local", "name", "hello-prod",
                    "spec", Map.of("port", lbPort)));
            Map<String, Object> v1 = deploy("local", "prod", "redblack", "v1", 1, List.of("hello-prod"), null);
            run(ops, v1);
            ChromeDriver driver = chromium.driver();
            CanaryReportPage page = new CanaryReportPage(driver);
            try (CanaryReportBrowserTest.Traffic traffic = CanaryReportBrowserTest.Traffic.through(lbPort)) {
                eventually("traffic through the load balancer").until(() -> traffic.answered() >= 20);
                // v2 answers 20 ms slower: the latency metric is High, the error metrics Pass.
                Map<String, Object> canary = deploy("local", "prod", "canary", "v2", 1, List.of("hello-prod"),
                        "is v2 as fast as v1?");
                canary.put("spec", SampleAppCommand.spec("v2", List.of("--latency-ms", "20")));
                canary.put("canary", Map.of("lifetime", "PT8S", "interval", "PT2S", "step", "PT1S",
                        "trafficPercent", 25, "onMarginal", "fail", "scoreThresholds", Map.of("pass", 75, "marginal", 50),
                        "config", CanaryReportBrowserTest.CONFIG));
                String id = ops.start(canary).id();
                ops.awaitFinished(id, Duration.ofSeconds(120));
                page.open(server.uiUrl() + "canary.html?operation=" + id);
                eventually("the canary report's verdict and charts").untilAsserted(() -> {
                    assertThat(page.verdict()).isNotBlank();
                    assertThat(page.updated()).startsWith("Ended");
                    assertThat(page.charts()).isNotEmpty().allSatisfy(c -> assertThat(((Number) c.get("painted"))
                            .intValue()).as("painted pixels of chart %s", c.get("key")).isPositive());
                });
            }
            shootWhole(driver, "canary-report.png");
        }
    }
}
