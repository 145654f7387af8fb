package io.clusterdeploy.standalone.server;

import static io.clusterdeploy.standalone.server.BrowserTests.eventually;
import static io.clusterdeploy.standalone.server.BrowserTests.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.standalone.demo.SampleAppCommand;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes pushed to open pages: the server's event stream over raw HTTP, then a real Chromium page that polls only
 * every ten minutes and still shows a change made through the API, which only the push can have told it.
 */
class ClusterViewPushTest {
    @TempDir
    Path tmp;

    private static Map<String, Object> upsert(String name, int port) {
        return Map.of("type", "upsertLoadBalancer", "account", "local", "name", name, "spec", Map.of("port", port));
    }

    @Test
    void theEventStreamSaysWhenSomethingChanged() throws Exception {
        try (StandaloneServer server = StandaloneServer.start(BrowserTests.localAccount(tmp), "test", 0);
             Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nAccept: text/event-stream"
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            String line;
            StringBuilder headers = new StringBuilder();
            while (!(line = in.readLine()).isEmpty()) {
                headers.append(line.toLowerCase(java.util.Locale.ROOT)).append('\n');
            }
            assertThat(headers).contains("content-type: text/event-stream");
            // Chunked: skip the size lines, keep the event lines.
            CompletableFuture<Void> change = CompletableFuture.runAsync(() -> {
                try {
                    String l;
                    while ((l = in.readLine()) != null) {
                        if (l.equals("event: change")) {
                            return;
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                throw new AssertionError("the stream ended without a change");
            });
            run(server.engine().operations(), upsert("hello-prod", BrowserTests.freePort()));
            change.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPagePollingEveryTenMinutesStillShowsAChangeAtOnce() throws Exception {
        try (StandaloneServer server = StandaloneServer.start(BrowserTests.localAccount(tmp), "test", 0);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            OperationRunner ops = server.engine().operations();
            run(ops, upsert("hello-prod", BrowserTests.freePort()));
            Map<String, Object> deploy = new java.util.HashMap<>(Map.of("type", "deploy", "account", "local",
                    "application", "hello", "stack", "prod", "capacity", Map.of("min", 1, "desired", 1, "max", 1),
                    "loadBalancers", List.of("hello-prod"), "spec", SampleAppCommand.spec("v1")));
            run(ops, deploy);
            chromium.beforeEveryPage(BrowserTests.WATCH_PAGE);
            ClusterViewPage page = new ClusterViewPage(chromium.driver());
            page.open(server.uiUrl() + "?app=hello&poll=600");
            eventually().untilAsserted(() -> assertThat(page.badge("hello-prod-v000")).isEqualTo("Enabled"));

            run(ops, Map.of("type", "disable", "account", "local", "serverGroupName", "hello-prod-v000"));
            // The next poll is ten minutes away: only the pushed change can bring this within the wait.
            eventually().untilAsserted(() -> assertThat(page.badge("hello-prod-v000")).isEqualTo("Disabled"));
            assertThat(chromium.driver().executeScript("return window.__cspViolations")).asInstanceOf(LIST).isEmpty();
            assertThat(chromium.driver().executeScript("return window.__pageErrors")).asInstanceOf(LIST).isEmpty();
        }
    }
}
