package io.clusterdeploy.standalone.server;

import static io.clusterdeploy.standalone.server.BrowserTests.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import io.clusterdeploy.engine.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application of 10,000 server groups and 100,000 instances (the synthetic account) in real Chromium: the page asks
 * for the summarised view, gives every cluster its place and draws those near the screen (with their instances'
 * health), and draws more as the user scrolls. What it takes (first rows, longest task, the answer's size) is printed
 * from the browser's own performance entries for docs/performance.md, not asserted: these machines are shared.
 */
class BigApplicationBrowserTest {
    @TempDir
    Path tmp;

    @Test
    void aTenThousandGroupApplicationOpensAndDrawsEveryGroup() throws Exception {
        try (StandaloneServer server = BrowserTests.bigApplicationServer(tmp);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.beforeEveryPage(BrowserTests.WATCH_PAGE + BrowserTests.WATCH_LONG_TASKS);
            // As on a server that has been running: its read of the application is cached already.
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    server.url() + "/applications/big/clusters?instances=auto")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            ClusterViewPage page = new ClusterViewPage(chromium.driver());
            page.open(server.uiUrl() + "?app=big");
            var js = chromium.driver();
            // Every cluster has its place; only those near the screen are drawn, with all their groups.
            eventually().untilAsserted(() -> assertThat(((Number) js.executeScript(
                    "return document.querySelectorAll('.cluster').length")).intValue()).isEqualTo(1_000));
            eventually().untilAsserted(() -> assertThat(page.cardNames("big-stack0")).hasSize(10));
            int drawn = ((Number) js.executeScript("return document.querySelectorAll('.sg').length")).intValue();
            assertThat(drawn).as("groups in the document").isPositive().isLessThan(1_000);
            // Scrolled to the end, the last cluster is drawn too.
            js.executeScript("document.querySelector('[data-cluster=\"big-stack999\"]').scrollIntoView()");
            eventually().untilAsserted(() -> assertThat(page.cardNames("big-stack999")).hasSize(10));
            // Summarised: health from the letters, numbered instances, no addresses.
            // (The synthetic account makes every tenth instance, counting across groups, other than UP.)
            assertThat(page.squares("big-stack0-v000")).hasSize(10).first().satisfies(sq ->
                    assertThat(sq.tooltip()).isEqualTo("big-stack0-v000 #1 no address UP"));
            assertThat(page.squares("big-stack0-v001")).hasSize(10).last().satisfies(sq ->
                    assertThat(sq.tooltip()).isEqualTo("big-stack0-v001 #10 no address DOWN"));
            // The page reads a summarised row by the cluster's field list, not by position: here the fields come in
            // another order, one is new to the page (kept) and one is left out (its default).
            String completed = (String) js.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import(document.querySelector('script[type=module][src$="cluster-view.js"]').src).then((m) => {
                      const [c] = m.completeGroups([{name: 'x-prod', account: 'a', location: 'l',
                        serverGroupFields: ['instanceHealth', 'capacity.max', 'future', 'name', 'capacity.min',
                                            'enabled', 'capacity.desired', 'tags'],
                        serverGroupRows: [['UD?', 3, 'kept', 'x-prod-v012', 1, true, 2, {team: 't'}]]}]);
                      done(JSON.stringify(c));
                    }, (e) => done(String(e)));
                    """);
            assertThat(new Json().readObject(completed)).as(completed)
                    .doesNotContainKeys("serverGroupFields", "serverGroupRows")
                    .extractingByKey("serverGroups").asInstanceOf(LIST).singleElement().isEqualTo(Map.ofEntries(
                            Map.entry("name", "x-prod-v012"), Map.entry("enabled", true),
                            Map.entry("capacity", Map.of("min", 1, "desired", 2, "max", 3)),
                            Map.entry("instanceHealth", "UD?"), Map.entry("future", "kept"),
                            Map.entry("tags", Map.of("team", "t")),
                            Map.entry("cluster", "x-prod"), Map.entry("account", "a"),
                            Map.entry("location", "l"), Map.entry("sequence", 12),
                            Map.entry("instanceCounts", Map.of("total", 3, "up", 1, "down", 1,
                                    "starting", 0, "outOfService", 0, "unknown", 1)),
                            Map.entry("securityGroups", List.of())));
            assertThat(js.executeScript("return window.__cspViolations")).asInstanceOf(LIST).isEmpty();
            assertThat(js.executeScript("return window.__pageErrors")).asInstanceOf(LIST).isEmpty();
            Object figures = js.executeScript("""
                    const first = performance.getEntriesByName('cv-first-rows')[0];
                    const read = performance.getEntriesByType('resource').find(e => e.name.includes('/clusters'));
                    return {firstRowsMs: first && Math.round(first.startTime),
                            groupsInDocument: document.querySelectorAll('.sg').length,
                            longestTaskMs: Math.round(window.__longest),
                            clustersTransferBytes: read && read.transferSize, clustersBodyBytes: read && read.decodedBodySize};
                    """);
            System.out.println("BIG APPLICATION " + figures);
            System.out.println("LONG FRAMES " + js.executeScript("return window.__frames.filter(f => parseInt(f) > 100)"));
            BrowserTests.save(page.screenshot(), "cluster-view-big-application.png");
        }
    }
}
