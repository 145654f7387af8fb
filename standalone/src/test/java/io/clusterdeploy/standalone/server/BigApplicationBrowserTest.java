package io.clusterdeploy.standalone.server;

import static io.clusterdeploy.standalone.server.BrowserTests.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.nio.file.Path;
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
