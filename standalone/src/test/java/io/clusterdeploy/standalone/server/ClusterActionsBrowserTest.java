package io.clusterdeploy.standalone.server;

import static io.clusterdeploy.standalone.server.BrowserTests.freePort;
import static io.clusterdeploy.standalone.server.BrowserTests.run;
import static io.clusterdeploy.standalone.server.BrowserTests.save;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.standalone.config.AccountConfig;
import io.clusterdeploy.standalone.config.StandaloneConfig;
import io.clusterdeploy.standalone.demo.SampleAppCommand;
import io.clusterdeploy.standalone.hooks.HookHosts;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Acting from the cluster view in a real Chromium against the real server: signing in by the printed link, a plan
 * shown before every change and confirmed with its fingerprint (and again when the cluster changed meanwhile), the
 * account's name asked on a protected account, a running deploy cancelled, no buttons without a session, and the
 * apps behind the local load balancer never receiving the session's cookie.
 */
class ClusterActionsBrowserTest {
    @TempDir
    Path tmp;

    private final Json json = new Json();

    /** The shared waits, also while an element is not drawn yet (the view draws big clusters in later tasks). */
    private static org.awaitility.core.ConditionFactory eventually() {
        return BrowserTests.eventually().ignoreExceptionsMatching(e -> e instanceof org.openqa.selenium.NoSuchElementException
                || e instanceof org.openqa.selenium.StaleElementReferenceException);
    }

    @Test
    void signsInByTheLinkResizesWithThePlanShownAndConfirmsAgainWhenTheClusterChanged() throws Exception {
        long began = System.nanoTime();
        try (StandaloneServer server = StandaloneServer.start(BrowserTests.localAccount(tmp), "test", 0);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            OperationRunner ops = server.engine().operations();
            run(ops, deploy("local", "none", SampleAppCommand.spec("v1"), List.of()));
            chromium.beforeEveryPage(BrowserTests.WATCH_PAGE);
            ChromeDriver driver = chromium.driver();
            ClusterViewPage view = new ClusterViewPage(driver);
            ClusterActionsPage actions = new ClusterActionsPage(driver);

            // Without a session the view is read-only: no button at all.
            view.open(server.uiUrl() + "?app=hello");
            eventually().untilAsserted(() -> {
                assertThat(view.cardNames("hello-prod")).containsExactly("hello-prod-v000");
                assertThat(actions.rights()).startsWith("Read-only");
            });
            assertThat(actions.actionButtons()).isEmpty();

            // The printed link signs this browser in once and goes on to the view, on the server's own host name.
            String link = server.newSignInLink();
            driver.get(link);
            eventually().untilAsserted(() -> assertThat(actions.rights()).matches("Acting as standalone session \\S{8}"));
            assertThat(actions.offersSignOut()).isTrue();
            assertThat(driver.getCurrentUrl()).isEqualTo(server.signInHostUiUrl()).doesNotContain("#");
            String actor = actions.rights().replace("Acting as ", "");
            assertThat(actor).matches("standalone session \\S{8}");
            // It lands on the overview of every application; its link leads into the cluster view.
            openFromOverview(driver, "hello");
            eventually().untilAsserted(() -> assertThat(actions.serverGroupButtons("hello-prod-v000"))
                    .containsExactly("Resize", "Disable", "Destroy"));
            assertThat(actions.actionButtons()).contains("Roll back local/local/hello-prod", "Shrink local/local/hello-prod",
                    "Disable cluster local/local/hello-prod", "Scale down local/local/hello-prod");
            // The session is a cookie no script can read, for this host name alone.
            assertThat((String) driver.executeScript("return document.cookie")).doesNotContain("cd_session");
            Cookie cookie = driver.manage().getCookieNamed("cd_session");
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.getSameSite()).isEqualTo("Strict");
            assertThat(cookie.getDomain()).isEqualTo(URI.create(link).getHost());
            // The link was good once.
            driver.get(link);
            eventually().untilAsserted(() -> assertThat(driver.findElement(org.openqa.selenium.By.cssSelector(
                    "[data-sign-in-status]")).getText()).contains("used already or has expired"));
            // The sign-in page runs under the same strict policy: its form stays in the page, nothing inline.
            assertThat(driver.findElement(org.openqa.selenium.By.id("sign-in-token")).isDisplayed()).isTrue();
            noPageProblems(driver);
            driver.get(server.signInHostUiUrl() + "?app=hello");

            // Resize: the plan first.
            eventually().untilAsserted(() -> assertThat(actions.serverGroupButtons("hello-prod-v000")).contains("Resize"));
            actions.act("resize", "hello-prod-v000");
            eventually().untilAsserted(() -> {
                assertThat(actions.dialogOpen()).isTrue();
                assertThat(actions.planOutcomeCode()).isEqualTo("SUCCEEDS");
            });
            assertThat(actions.dialogTitle()).isEqualTo("Resize hello-prod-v000");
            actions.setField("max", 2);
            actions.setField("desired", 2);
            eventually().untilAsserted(() -> assertThat(actions.planActions())
                    .containsExactly("resize hello-prod-v000 1/1/1 → 1/2/2"));
            assertThat(actions.planSteps()).containsExactly("resizeServerGroup", "waitForCapacity");
            assertThat(actions.planChecks()).singleElement().asString().startsWith("DECIDED AT RUN TIME waits up to 600s");
            String firstFingerprint = actions.fingerprint();
            assertThat(firstFingerprint).matches("[0-9a-f]{16}");
            assertThat(actions.asksForReason()).isTrue();
            assertThat(actions.asksForAccountName()).as("the account is not protected").isFalse();
            actions.reason("more room for the sale");
            save(view.screenshot(), "cluster-actions-resize-plan.png");

            // The cluster changes between plan and confirm (through the API): 409, the fresh plan, asked again.
            run(ops, Map.of("type", "resize", "account", "local", "serverGroupName", "hello-prod-v000",
                    "capacity", Map.of("min", 2, "desired", 2, "max", 2)));
            int before = ops.list(null, 100).size();
            actions.confirm();
            eventually().untilAsserted(() -> {
                assertThat(actions.dialogMessage()).startsWith("The cluster changed since the plan was made");
                assertThat(actions.planActions()).containsExactly("resize hello-prod-v000 2/2/2 → 1/2/2");
            });
            assertThat(actions.fingerprint()).isNotEqualTo(firstFingerprint);
            assertThat(ops.list(null, 100)).as("nothing ran").hasSize(before);
            save(view.screenshot(), "cluster-actions-resize-409.png");
            actions.confirm();
            eventually().untilAsserted(() -> {
                assertThat(actions.dialogOpen()).isFalse();
                assertThat(view.timelineTitle()).contains("resize hello-prod-v000").contains("SUCCEEDED");
                assertThat(view.fact("hello-prod-v000", "Capacity")).isEqualTo("min 1 · desired 2 · max 2");
            });
            OperationState resized = ops.list(null, 1).get(0);
            assertThat(resized.type()).isEqualTo("resize");
            assertThat(resized.request()).containsEntry("startedBy", actor).containsEntry("reason", "more room for the sale");
            assertThat(driver.findElement(org.openqa.selenium.By.cssSelector(".timeline .op-who")).getText())
                    .contains("by " + actor).contains("more room for the sale");
            save(view.screenshot(), "cluster-actions-resized.png");

            // Signed out, the buttons go; the API refuses the old cookie.
            actions.signOut();
            eventually().untilAsserted(() -> {
                assertThat(actions.rights()).startsWith("Read-only");
                assertThat(actions.actionButtons()).isEmpty();
            });
            assertThat(actions.offersSignOut()).isFalse();
            noPageProblems(driver);
        }
        System.out.printf("resize test took %.1f s%n", (System.nanoTime() - began) / 1e9);
    }

    @Test
    void aProtectedAccountsDestroyWaitsForItsNameAndTheAppsBehindTheLoadBalancerNeverGetTheSession() throws Exception {
        long began = System.nanoTime();
        StandaloneConfig config = new StandaloneConfig(tmp, List.of(new AccountConfig("prod", "local",
                Map.of("stateDir", tmp.resolve("prod").toString(), "healthCheckIntervalMillis", 100), true)),
                List.of(), List.of(), HookHosts.loopbackOnly());
        Path recorded = tmp.resolve("cookies-seen-by-the-app.txt");
        try (StandaloneServer server = StandaloneServer.start(config, "test", 0);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            OperationRunner ops = server.engine().operations();
            int lbPort = freePort();
            run(ops, Map.of("type", "upsertLoadBalancer", "account", "prod", "name", "hello-prod",
                    "spec", Map.of("port", lbPort)));
            run(ops, deploy("prod", "none", CookieRecorderApp.spec(recorded), List.of("hello-prod")));
            run(ops, deploy("prod", "none", CookieRecorderApp.spec(recorded), List.of("hello-prod")));
            chromium.beforeEveryPage(BrowserTests.WATCH_PAGE);
            ChromeDriver driver = chromium.driver();
            ClusterViewPage view = new ClusterViewPage(driver);
            ClusterActionsPage actions = new ClusterActionsPage(driver);
            String link = server.newSignInLink();
            String signInHost = URI.create(link).getHost();
            driver.get(link);
            eventually().untilAsserted(() -> assertThat(actions.rights()).startsWith("Acting as standalone session"));

            // Signed in, the browser visits the app behind the load balancer as people reach it.
            for (String host : List.of("127.0.0.1", "localhost")) {
                for (int i = 0; i < 2; i++) {
                    driver.get("http://" + host + ":" + lbPort + "/");
                    eventually().untilAsserted(() -> assertThat(driver.getPageSource()).contains("recorded"));
                }
            }
            List<String> seen = Files.readAllLines(recorded);
            assertThat(seen).hasSizeGreaterThanOrEqualTo(4).noneMatch(l -> l.contains("cd_session"));
            // Cookies do pass through the load balancer to the app: its own, set on the first visit of each host.
            assertThat(seen).anyMatch(l -> l.startsWith("Host: 127.0.0.1:" + lbPort) && l.contains("probe=seen"));
            assertThat(seen).anyMatch(l -> l.startsWith("Host: localhost:" + lbPort) && l.contains("probe=seen"));

            driver.get(server.signInHostUiUrl() + "?app=hello");
            eventually().untilAsserted(() -> {
                assertThat(view.placeOf("hello-prod")).contains("protected");
                assertThat(actions.serverGroupButtons("hello-prod-v001")).contains("Destroy");
            });
            actions.act("destroy", "hello-prod-v001");
            eventually().untilAsserted(() -> assertThat(actions.planOutcomeCode()).isEqualTo("SUCCEEDS"));
            assertThat(actions.planActions()).containsExactly("disable hello-prod-v001", "destroy hello-prod-v001");
            assertThat(actions.asksForAccountName()).isTrue();
            assertThat(actions.challengeText()).contains("Account prod is protected. Type its name to confirm");
            assertThat(actions.confirmEnabled()).isFalse();
            actions.typeAccountName("pro");
            assertThat(actions.confirmEnabled()).isFalse();
            actions.typeAccountName("Prod");
            assertThat(actions.confirmEnabled()).isFalse();
            // A script that skips the dialog is refused by the server too, naming the field.
            RawHttp.Answer skipped = RawHttp.send(server.port(), "POST /api/operations HTTP/1.1\r\nHost: 127.0.0.1:"
                    + server.port() + "\r\nAuthorization: Bearer " + server.token().value()
                    + "\r\nContent-Type: application/json\r\n", json.write(Map.of("type", "destroy", "account", "prod",
                    "serverGroupName", "hello-prod-v001")));
            assertThat(skipped.status()).isEqualTo(400);
            assertThat(json.readObject(skipped.body())).containsEntry("field", "confirmAccount");
            assertThat(view.cardNames("hello-prod")).containsExactly("hello-prod-v001", "hello-prod-v000");
            actions.typeAccountName("prod");
            assertThat(actions.confirmEnabled()).isTrue();
            save(view.screenshot(), "cluster-actions-protected-destroy.png");
            actions.confirm();
            eventually().untilAsserted(() -> {
                assertThat(actions.dialogOpen()).isFalse();
                assertThat(view.cardNames("hello-prod")).containsExactly("hello-prod-v000");
                assertThat(view.timelineTitle()).contains("destroy hello-prod-v001").contains("SUCCEEDED");
            });
            assertThat(ops.list(null, 1).get(0).request()).containsEntry("type", "destroy")
                    .extractingByKey("startedBy").asString().startsWith("standalone session ");
            noPageProblems(driver);

            // The recorder would have seen a leak: at the session's own host name on the load balancer's port, the
            // browser does send the cookie (cookies ignore ports). So the isolation is the host name, which is why
            // it is random, printed only, and never answered to a request.
            driver.get("http://" + signInHost + ":" + lbPort + "/");
            eventually().untilAsserted(() -> assertThat(Files.readString(recorded)).contains("cd_session="));
        }
        System.out.printf("protected destroy test took %.1f s%n", (System.nanoTime() - began) / 1e9);
    }

    @Test
    void cancelsARunningRedBlackDeployFromItsTimeline() throws Exception {
        long began = System.nanoTime();
        try (StandaloneServer server = StandaloneServer.start(BrowserTests.localAccount(tmp), "test", 0);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            OperationRunner ops = server.engine().operations();
            run(ops, deploy("local", "none", SampleAppCommand.spec("v1"), List.of()));
            chromium.beforeEveryPage(BrowserTests.WATCH_PAGE);
            ChromeDriver driver = chromium.driver();
            ClusterViewPage view = new ClusterViewPage(driver);
            ClusterActionsPage actions = new ClusterActionsPage(driver);
            // Signing in by pasting the API token once, on the sign-in page without a code.
            driver.get(server.signInHostUiUrl() + "sign-in");
            var tokenField = eventually().until(() -> driver.findElement(org.openqa.selenium.By.id("sign-in-token")),
                    org.openqa.selenium.WebElement::isDisplayed);
            tokenField.sendKeys(server.token().value());
            tokenField.submit();
            eventually().untilAsserted(() -> assertThat(actions.rights()).startsWith("Acting as standalone session"));
            assertThat(driver.getCurrentUrl()).isEqualTo(server.signInHostUiUrl());
            String actor = actions.rights().replace("Acting as ", "");
            openFromOverview(driver, "hello");

            Map<String, Object> redBlack = deploy("local", "redblack", SampleAppCommand.spec("v2"), List.of());
            redBlack.put("delayBeforeDisableSec", 120);
            String id = ops.start(redBlack).id();
            eventually().untilAsserted(() -> {
                assertThat(view.timelineTitle()).contains("deploy hello-prod").contains("RUNNING");
                assertThat(view.stepNames()).contains("waitBeforeDisable");
            });
            actions.cancelShownOperation();
            eventually().untilAsserted(() -> assertThat(actions.dialogOpen()).isTrue());
            assertThat(actions.confirmLabel()).isEqualTo("Cancel operation");
            assertThat(actions.planOutcome()).contains("runs its rollback steps");
            assertThat(actions.asksForReason()).as("a cancel asks why, as a start does").isTrue();
            assertThat(actions.asksForAccountName()).isFalse();
            actions.reason("v2 lacks the checkout fix");
            save(view.screenshot(), "cluster-actions-cancel.png");
            actions.confirm();
            eventually().untilAsserted(() -> {
                assertThat(ops.get(id).orElseThrow().status()).isEqualTo(OperationStatus.CANCELLED);
                assertThat(view.timelineTitle()).contains("CANCELLED");
                assertThat(driver.findElements(org.openqa.selenium.By.cssSelector("[data-cancel-operation]"))).isEmpty();
            });
            // Who cancelled is the session, as the server knows it; why is what was typed. Both are on the timeline.
            OperationState cancelled = ops.get(id).orElseThrow();
            assertThat(cancelled.cancellation().by()).isEqualTo(actor);
            assertThat(cancelled.cancellation().reason()).isEqualTo("v2 lacks the checkout fix");
            eventually().untilAsserted(() -> assertThat(driver.findElement(org.openqa.selenium.By.cssSelector(
                    ".timeline .op-cancelled")).getText()).startsWith("cancel asked for by " + actor + " at ")
                    .contains("v2 lacks the checkout fix"));
            save(view.screenshot(), "cluster-actions-cancelled.png");
            noPageProblems(driver);
        }
        System.out.printf("cancel test took %.1f s%n", (System.nanoTime() - began) / 1e9);
    }

    /** No CSP violation and no script error all along; the CSP is the strict one (checked as the view's own test does). */
    private static void noPageProblems(ChromeDriver driver) {
        assertThat(driver.executeScript("return window.__cspViolations")).asInstanceOf(LIST).isEmpty();
        assertThat(driver.executeScript("return window.__pageErrors")).asInstanceOf(LIST).isEmpty();
        assertThat((Long) driver.executeScript("return document.querySelectorAll('[style]').length")).isZero();
    }

    /** Follows the overview's link into {@code application}'s cluster view, as a person would. */
    private static void openFromOverview(ChromeDriver driver, String application) {
        eventually().until(() -> driver.findElement(org.openqa.selenium.By.cssSelector(
                "a[data-app-link='" + application + "']")), org.openqa.selenium.WebElement::isDisplayed).click();
        eventually().untilAsserted(() -> assertThat(URI.create(driver.getCurrentUrl()).getQuery())
                .isEqualTo("app=" + application));
    }

    private static Map<String, Object> deploy(String account, String strategy, Map<String, Object> spec,
                                              List<String> loadBalancers) {
        Map<String, Object> r = new HashMap<>();
        r.put("type", "deploy");
        r.put("account", account);
        r.put("application", "hello");
        r.put("stack", "prod");
        r.put("strategy", strategy);
        r.put("capacity", Map.of("min", 1, "desired", 1, "max", 1));
        r.put("loadBalancers", loadBalancers);
        r.put("spec", spec);
        return r;
    }
}
