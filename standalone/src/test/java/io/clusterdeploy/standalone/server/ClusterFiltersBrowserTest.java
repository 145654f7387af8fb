package io.clusterdeploy.standalone.server;

import static io.clusterdeploy.standalone.server.BrowserTests.eventually;
import static io.clusterdeploy.standalone.server.BrowserTests.freePort;
import static io.clusterdeploy.standalone.server.BrowserTests.run;
import static io.clusterdeploy.standalone.server.BrowserTests.save;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.testing.SyntheticProviderFactory;
import io.clusterdeploy.standalone.config.AccountConfig;
import io.clusterdeploy.standalone.config.EnvSecretResolver;
import io.clusterdeploy.standalone.config.StandaloneConfig;
import io.clusterdeploy.standalone.demo.SampleAppCommand;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * Finding things in the cluster view, in real Chromium against the real server: the overview of every application,
 * each filter and the text search (exactly which server groups remain, and the count), filters kept in the URL through
 * a reload, health symbols and words on every square, and the page driven by the keyboard alone.
 *
 * <p>Application {@code shop} lives in two accounts: {@code local} (real processes: {@code shop-prod} v000 disabled
 * by a red/black deploy and v001, {@code shop-prod-canary} v000, {@code shop-staging} v000, one instance each) and
 * {@code synth} (the synthetic account: {@code shop-stack0} and {@code shop-stack1}, v000 disabled and v001 enabled
 * each, ten instances a group, one DOWN in every group but {@code shop-stack0-v000}). Application {@code tiny} has one
 * synthetic group of its own.
 */
class ClusterFiltersBrowserTest {
    private static final List<String> ALL_SHOP = List.of("shop-prod-canary-v000", "shop-prod-v000", "shop-prod-v001",
            "shop-stack0-v000", "shop-stack0-v001", "shop-stack1-v000", "shop-stack1-v001", "shop-staging-v000");

    @TempDir
    Path tmp;

    @Test
    void filtersSearchOverviewHealthSymbolsAndKeyboard() throws Exception {
        StandaloneConfig config = new StandaloneConfig(tmp, List.of(
                new AccountConfig("local", "local", Map.of("stateDir", tmp.resolve("local").toString(),
                        "healthCheckIntervalMillis", 100)),
                new AccountConfig("synth", SyntheticProviderFactory.TYPE, Map.of("application", "shop",
                        "serverGroups", 4, "instancesPerGroup", 10, "groupsPerCluster", 2)),
                new AccountConfig("synth-tiny", SyntheticProviderFactory.TYPE, Map.of("application", "tiny",
                        "serverGroups", 1, "instancesPerGroup", 3, "groupsPerCluster", 1))));
        try (StandaloneServer server = StandaloneServer.start(config, "test", BrowserTests.withSynthetic(),
                EnvSecretResolver.system(), 0);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            OperationRunner ops = server.engine().operations();
            run(ops, Map.of("type", "upsertLoadBalancer", "account", "local", "name", "shop-prod",
                    "spec", Map.of("port", freePort())));
            run(ops, deploy("prod", null, "none", "v1", List.of("shop-prod")));
            run(ops, deploy("prod", null, "redblack", "v2", List.of("shop-prod")));
            run(ops, deploy("prod", "canary", "none", "rc-zebra", List.of()));
            run(ops, deploy("staging", null, "none", "v2", List.of()));

            chromium.beforeEveryPage(BrowserTests.WATCH_PAGE);
            var driver = chromium.driver();
            ClusterFiltersPage page = new ClusterFiltersPage(driver);

            // No application chosen: the overview of every application, with counts and health over all accounts.
            driver.get(server.uiUrl());
            eventually().untilAsserted(() -> {
                assertThat(page.panelTitle()).isEqualTo("Applications");
                assertThat(page.applications()).extracting(row -> row.get(0)).containsExactly("shop", "tiny");
                assertThat(page.count()).isEqualTo("2 applications");
            });
            // local: 3 up and 1 out of service; synth: 37 up and 3 down. Enabled: local 3, synth the two v001.
            assertThat(page.applications().get(0).subList(1, 4)).containsExactly("local, synth", "5", "8 (5 enabled)");
            assertThat(page.healthWords("shop")).isEqualTo("40 up, 3 down, 1 out of service");
            assertThat(page.applications().get(1).subList(1, 4)).containsExactly("synth-tiny", "1", "1 (1 enabled)");
            assertThat(page.appLink("shop").getAttribute("href")).isEqualTo(server.uiUrl() + "?app=shop");
            save(page.screenshot(), "cluster-view-overview.png");

            // The keyboard alone: Tab to the search, type, Tab on to the application's link, Enter opens it.
            driver.executeScript("document.activeElement.blur()");
            assertThat(page.tabTo("input[data-filter='q']", 5).getAttribute("id")).isEqualTo("cv-search");
            assertThat(page.focusRing()).isEqualTo("solid 2px rgb(26, 115, 232)");
            page.press("TIN");
            eventually().untilAsserted(() -> {
                assertThat(page.applications()).extracting(row -> row.get(0)).containsExactly("tiny");
                assertThat(page.count()).isEqualTo("1 of 2 applications");
                assertThat(page.url()).contains("q=TIN");
            });
            page.press(Keys.ESCAPE);
            eventually().untilAsserted(() -> assertThat(page.applications()).hasSize(2));
            page.press("sho");
            eventually().untilAsserted(() -> assertThat(page.applications()).extracting(row -> row.get(0))
                    .containsExactly("shop"));
            assertThat(page.tabTo("a[data-app-link]", 3).getText()).isEqualTo("shop");
            page.press(Keys.ENTER);
            eventually().untilAsserted(() -> {
                assertThat(URI.create(page.url()).getQuery()).isEqualTo("app=shop");
                assertThat(page.panelTitle()).isEqualTo("Clusters");
                assertThat(page.serverGroups()).containsExactlyElementsOf(ALL_SHOP);
                assertThat(page.count()).isEqualTo("8 server groups in 5 clusters");
            });

            // Health without colour: a symbol in every square, words in its tooltip and name, all in the legend.
            assertThat(page.legend()).containsExactly("✓ up: passing health checks, taking traffic",
                    "✕ down: failing health checks", "↑ starting: launched, not yet healthy",
                    "– out of service: healthy, taken out of traffic",
                    "? unknown: not checked yet, or the check could not run");
            assertThat(page.symbols("shop-prod-v001")).containsExactly("✓");
            assertThat(page.symbols("shop-prod-v000")).containsExactly("–");
            assertThat(page.symbols("shop-stack0-v001")).hasSize(10).containsOnly("✓", "✕").containsOnlyOnce("✕");
            ClusterViewPage view = new ClusterViewPage(driver);
            assertThat(view.squares("shop-stack0-v001")).filteredOn(sq -> sq.tooltip().endsWith(" DOWN")).singleElement()
                    .satisfies(sq -> {
                        assertThat(sq.tooltip()).isEqualTo("shop-stack0-v001-i9 10.0.1.9 DOWN");
                        assertThat(sq.accessibleName()).isEqualTo(sq.tooltip());
                    });
            assertThat(view.squares("shop-prod-v000")).singleElement().satisfies(sq -> {
                assertThat(sq.tooltip()).startsWith("shop-prod-v000-").endsWith(" OUT_OF_SERVICE");
                assertThat(sq.accessibleName()).isEqualTo(sq.tooltip());
            });
            assertThat(page.healthBoxLabel("DOWN")).isEqualTo("✕ down");
            assertThat(page.healthBoxLabel("OUT_OF_SERVICE")).isEqualTo("– out of service");

            // Each filter, then together: exactly the groups that pass, and the count.
            assertThat(page.options("Account")).containsExactly("Any", "local", "synth");
            assertThat(page.options("Location")).containsExactly("Any", "local", "synthetic-1");
            assertThat(page.options("Stack")).containsExactly("Any", "prod", "stack0", "stack1", "staging");
            assertThat(page.options("Detail")).containsExactly("Any", "canary", "(none)");
            page.choose("Account", "synth");
            expect(page, "4 of 8 server groups in 2 of 5 clusters",
                    "shop-stack0-v000", "shop-stack0-v001", "shop-stack1-v000", "shop-stack1-v001");
            assertThat(page.url()).contains("account=synth");
            page.choose("Account", "Any");
            page.choose("Location", "local");
            expect(page, "4 of 8 server groups in 3 of 5 clusters",
                    "shop-prod-canary-v000", "shop-prod-v000", "shop-prod-v001", "shop-staging-v000");
            page.choose("Location", "Any");
            page.choose("Stack", "prod");
            expect(page, "3 of 8 server groups in 2 of 5 clusters", "shop-prod-canary-v000", "shop-prod-v000", "shop-prod-v001");
            page.choose("Detail", "canary");
            expect(page, "1 of 8 server groups in 1 of 5 clusters", "shop-prod-canary-v000");
            page.choose("Detail", "(none)");
            expect(page, "2 of 8 server groups in 1 of 5 clusters", "shop-prod-v000", "shop-prod-v001");
            assertThat(page.url()).contains("stack=prod").contains("detail=-");
            page.choose("Stack", "Any");
            page.choose("Detail", "Any");
            page.choose("Server groups", "Disabled");
            expect(page, "3 of 8 server groups in 3 of 5 clusters", "shop-prod-v000", "shop-stack0-v000", "shop-stack1-v000");
            page.choose("Server groups", "Enabled");
            expect(page, "5 of 8 server groups in 5 of 5 clusters", "shop-prod-canary-v000", "shop-prod-v001",
                    "shop-stack0-v001", "shop-stack1-v001", "shop-staging-v000");
            page.choose("Server groups", "Any");
            page.healthBox("DOWN").click();
            expect(page, "3 of 8 server groups in 2 of 5 clusters", "shop-stack0-v001", "shop-stack1-v000", "shop-stack1-v001");
            page.healthBox("OUT_OF_SERVICE").click();
            expect(page, "4 of 8 server groups in 3 of 5 clusters",
                    "shop-prod-v000", "shop-stack0-v001", "shop-stack1-v000", "shop-stack1-v001");
            assertThat(page.url()).contains("health=DOWN%2COUT_OF_SERVICE");
            page.healthBox("OUT_OF_SERVICE").click();
            page.choose("Server groups", "Enabled");
            expect(page, "2 of 8 server groups in 2 of 5 clusters", "shop-stack0-v001", "shop-stack1-v001");
            page.clearButton().click();
            expect(page, "8 server groups in 5 clusters", ALL_SHOP.toArray(String[]::new));
            assertThat(URI.create(page.url()).getQuery()).isEqualTo("app=shop");

            // The text search: cluster, server group, artifact, instance id and address; every word must match.
            page.type("canary");
            expect(page, "1 of 8 server groups in 1 of 5 clusters", "shop-prod-canary-v000");
            page.type("zebra");
            expect(page, "1 of 8 server groups in 1 of 5 clusters", "shop-prod-canary-v000");
            page.type("registry.example/shop:1");
            expect(page, "2 of 8 server groups in 2 of 5 clusters", "shop-stack0-v001", "shop-stack1-v001");
            page.type("10.0.2.5");
            expect(page, "1 of 8 server groups in 1 of 5 clusters", "shop-stack1-v000");
            page.type("SHOP-STACK0-V001-I3");
            expect(page, "1 of 8 server groups in 1 of 5 clusters", "shop-stack0-v001");
            page.type("staging v000");
            expect(page, "1 of 8 server groups in 1 of 5 clusters", "shop-staging-v000");
            page.type("staging v001");
            expect(page, "0 of 8 server groups in 0 of 5 clusters");
            assertThat(page.noMatch()).isEqualTo("No server group matches the filters.");

            // Filters and search together, in the URL: a reload (or the link, shared) shows the same.
            page.type("v00");
            page.choose("Stack", "prod");
            page.choose("Server groups", "Enabled");
            expect(page, "2 of 8 server groups in 2 of 5 clusters", "shop-prod-canary-v000", "shop-prod-v001");
            String shared = page.url();
            assertThat(URI.create(shared).getQuery()).isEqualTo("app=shop&stack=prod&status=enabled&q=v00");
            driver.navigate().refresh();
            eventually().untilAsserted(() -> {
                assertThat(page.serverGroups()).containsExactly("shop-prod-canary-v000", "shop-prod-v001");
                assertThat(page.count()).isEqualTo("2 of 8 server groups in 2 of 5 clusters");
            });
            assertThat(page.search().getAttribute("value")).isEqualTo("v00");
            assertThat(page.select("Stack").getFirstSelectedOption().getText()).isEqualTo("prod");
            assertThat(page.select("Server groups").getFirstSelectedOption().getText()).isEqualTo("Enabled");
            assertThat(page.url()).isEqualTo(shared);
            save(page.screenshot(), "cluster-view-filtered.png");

            // The keyboard in the cluster view: Tab to the search, type, on to a health box (Space), to Clear (Enter),
            // and to an operation's button (Enter shows its steps).
            driver.executeScript("document.activeElement.blur()");
            page.tabTo("input[data-filter='q']", 8);
            page.press(" canary");
            expect(page, "1 of 8 server groups in 1 of 5 clusters", "shop-prod-canary-v000");
            page.tabTo("input[data-filter-health='OUT_OF_SERVICE']", 12);
            assertThat(page.focusRing()).startsWith("solid 2px");
            page.press(Keys.SPACE);
            expect(page, "0 of 8 server groups in 0 of 5 clusters");
            page.tabTo("[data-filter-clear]", 5);
            page.press(Keys.ENTER);
            expect(page, "8 server groups in 5 clusters", ALL_SHOP.toArray(String[]::new));
            assertThat(page.focused().getAttribute("id")).as("focus back in the search").isEqualTo("cv-search");
            assertThat(page.tabTo(".op-button", 60).getText()).contains("deploy");
            String first = page.focused().getText();
            page.tabTo(".op-button", 3);
            assertThat(page.focused().getText()).isNotEqualTo(first);
            page.press(Keys.ENTER);
            eventually().untilAsserted(() -> assertThat(page.focused().getAttribute("aria-pressed")).isEqualTo("true"));

            // "All applications" leads back to the overview.
            page.allApplicationsLink().click();
            eventually().untilAsserted(() -> {
                assertThat(page.panelTitle()).isEqualTo("Applications");
                assertThat(page.applications()).hasSize(2);
            });
            assertThat(driver.executeScript("return window.__cspViolations")).asInstanceOf(LIST).isEmpty();
            assertThat(driver.executeScript("return window.__pageErrors")).asInstanceOf(LIST).isEmpty();
        }
    }

    /**
     * The filters on an application of 10,000 server groups (summarised instances, clusters drawn lazily): exact
     * counts, and what filtering took, from the browser's own performance entries (printed for docs/performance.md,
     * not asserted: these machines are shared).
     */
    @Test
    void filtersABigApplicationOnItsData() throws Exception {
        try (StandaloneServer server = BrowserTests.bigApplicationServer(tmp);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.beforeEveryPage(BrowserTests.WATCH_PAGE + BrowserTests.WATCH_LONG_TASKS);
            var driver = chromium.driver();
            ClusterFiltersPage page = new ClusterFiltersPage(driver);
            driver.get(server.uiUrl() + "?app=big");
            eventually().untilAsserted(() -> assertThat(page.count()).isEqualTo("10,000 server groups in 1,000 clusters"));
            eventually().untilAsserted(() -> assertThat(page.serverGroups()).isNotEmpty());
            String opened = String.valueOf(driver.executeScript("return Math.round(window.__longest)"));
            driver.executeScript("window.__longest = 0; window.__frames = []; performance.clearMeasures()");

            // big-stack99 and big-stack990 to 999: 11 clusters of 10 groups, few enough to draw them all.
            page.search().click();
            page.press("stack99");
            expectCount(page, "110 of 10,000 server groups in 11 of 1,000 clusters", 110);
            assertThat(driver.findElements(org.openqa.selenium.By.cssSelector(".cluster")))
                    .extracting(e -> e.getAttribute("data-cluster")).containsExactlyInAnyOrder("big-stack99",
                            "big-stack990", "big-stack991", "big-stack992", "big-stack993", "big-stack994",
                            "big-stack995", "big-stack996", "big-stack997", "big-stack998", "big-stack999");
            // The synthetic account makes one instance DOWN in 2,000 groups: 9 in every fifth cluster, 1 in the next.
            page.press(Keys.ESCAPE);
            page.healthBox("DOWN").click();
            eventually().untilAsserted(() -> assertThat(page.count())
                    .isEqualTo("2,000 of 10,000 server groups in 400 of 1,000 clusters"));
            eventually().untilAsserted(() -> assertThat(((Number) driver.executeScript(
                    "return document.querySelectorAll('.cluster').length")).intValue()).isEqualTo(400));
            eventually().untilAsserted(() -> assertThat(page.serverGroups()).contains("big-stack0-v001", "big-stack1-v000")
                    .doesNotContain("big-stack0-v000", "big-stack1-v001"));
            page.search().click();
            page.press("stack99");
            expectCount(page, "20 of 10,000 server groups in 4 of 1,000 clusters", 20);
            assertThat(driver.executeScript("return window.__pageErrors")).asInstanceOf(LIST).isEmpty();
            Object figures = driver.executeScript("""
                    const m = performance.getEntriesByName('cv-filter');
                    const apply = performance.getEntriesByName('cv-filter-apply');
                    return {openLongestTaskMs: Number(arguments[0]), filterings: m.length,
                            filterAndFirstDrawMs: m.map(e => Math.round(e.duration)),
                            filterOnlyMs: apply.slice(-m.length).map(e => Math.round(e.duration)),
                            longestTaskWhileFilteringMs: Math.round(window.__longest)};
                    """, opened);
            System.out.println("BIG APPLICATION FILTERED " + figures);
            System.out.println("LONG FRAMES WHILE FILTERING "
                    + driver.executeScript("return window.__frames.filter(f => parseInt(f) > 100)"));
        }
    }

    private static void expectCount(ClusterFiltersPage page, String count, int groups) {
        eventually().untilAsserted(() -> {
            assertThat(page.count()).isEqualTo(count);
            assertThat(page.serverGroups()).hasSize(groups);
        });
    }

    /** The page shows exactly {@code groups} (in any order) and says {@code count}. */
    private static void expect(ClusterFiltersPage page, String count, String... groups) {
        eventually().untilAsserted(() -> {
            assertThat(page.count()).isEqualTo(count);
            assertThat(page.serverGroups()).containsExactlyInAnyOrder(groups);
        });
    }

    private static Map<String, Object> deploy(String stack, String detail, String strategy, String version,
                                              List<String> loadBalancers) {
        Map<String, Object> r = new HashMap<>();
        r.put("type", "deploy");
        r.put("account", "local");
        r.put("application", "shop");
        r.put("stack", stack);
        if (detail != null) {
            r.put("freeFormDetails", detail);
        }
        r.put("strategy", strategy);
        r.put("capacity", Map.of("min", 1, "desired", 1, "max", 1));
        r.put("loadBalancers", loadBalancers);
        r.put("spec", SampleAppCommand.spec(version));
        return r;
    }
}
