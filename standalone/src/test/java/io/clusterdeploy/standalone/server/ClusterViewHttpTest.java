package io.clusterdeploy.standalone.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** How the real server serves the cluster view: headers, redirects, the file allowlist, the request rules. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterViewHttpTest {
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /** Static: with one instance per class, @BeforeAll runs before instance fields are injected. */
    @TempDir
    static Path tmp;

    private StandaloneServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** Every answer seen, to check that none of them contains the token. */
    private final List<String> answers = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(tmp.resolve("state"));
    }

    @AfterAll
    void stop() {
        server.close();
        assertThat(answers).as("no answer ever contains the token").noneMatch(a -> a.contains(server.token().value()));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        answers.add(r.headers().map() + r.body());
        return r;
    }

    /** A request line and headers sent as they are, not normalised by a client library. */
    private RawHttp.Answer raw(String method, String target, String host, String extraHeaders) throws IOException {
        RawHttp.Answer a = RawHttp.send(server.port(), method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n"
                + extraHeaders, null);
        answers.add(a.text());
        return a;
    }

    private String self() {
        return "127.0.0.1:" + server.port();
    }

    @Test
    void servesThePageWithAStrictContentSecurityPolicy() throws Exception {
        for (String path : List.of("/ui/", "/ui/index.html")) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(page.body()).contains("data-cluster-view").contains("data-api=\"../api\"");
        }
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create("http://" + self() + "/ui/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(get("/ui/").body().getBytes(UTF_8).length);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void thePageHasNoInlineScriptOrHandlers() throws Exception {
        String html = get("/ui/").body();
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).contains("src=\"cluster-view.js\"").contains("type=\"module\"");
            assertThat(scripts.group(2)).isBlank();
        }
        assertThat(count).isEqualTo(1);
        assertThat(html).doesNotContainPattern("(?i)\\son[a-z]+\\s*=").doesNotContain("style=");
    }

    @Test
    void servesTheAssetsWithTheirTypes() throws Exception {
        HttpResponse<String> js = get("/ui/cluster-view.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(js.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
        assertThat(js.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(js.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(js.body()).contains("export function mount(");

        HttpResponse<String> css = get("/ui/cluster-view.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void servesTheCanaryReportWithItsOwnEChartsUnderTheSamePolicy() throws Exception {
        HttpResponse<String> page = get("/ui/canary.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
        String html = page.body();
        assertThat(html).contains("data-canary-report").contains("data-api=\"../api\"");
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        List<String> sources = new ArrayList<>();
        while (scripts.find()) {
            sources.add(scripts.group(1).trim());
            assertThat(scripts.group(2)).isBlank();
        }
        // ECharts first, as a classic script, so the module finds the global it defines.
        assertThat(sources).containsExactly("src=\"vendor/echarts.min.js\"", "type=\"module\" src=\"canary-report.js\"");
        assertThat(html).doesNotContainPattern("(?i)\\son[a-z]+\\s*=").doesNotContain("style=");

        HttpResponse<String> echarts = get("/ui/vendor/echarts.min.js");
        assertThat(echarts.statusCode()).isEqualTo(200);
        assertThat(echarts.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(echarts.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
        assertThat(echarts.body()).contains("echarts").hasSizeGreaterThan(500_000);
        assertThat(get("/ui/canary-report.js").body()).contains("export function mount(");
        assertThat(get("/ui/canary-report.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        // Only that one file of the WebJar: nothing else under vendor/, nor the WebJar's own paths.
        for (String target : List.of("/ui/vendor/echarts.js", "/ui/vendor/", "/ui/vendor/echarts.min.js.map",
                "/ui/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js", "/ui/webjars/echarts/5.3.1/dist/echarts.min.js")) {
            assertThat(raw("GET", target, self(), "").status()).as(target).isEqualTo(404);
        }
    }

    @Test
    void rootAndBareUiRedirectToTheView() throws Exception {
        HttpResponse<String> root = get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValue("/ui/");
        HttpResponse<String> withApp = get("/?app=hello");
        assertThat(withApp.headers().firstValue("Location")).hasValue("/ui/?app=hello");
        HttpResponse<String> bare = get("/ui");
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValue("/ui/");
    }

    @Test
    void onlyTheViewsOwnFilesAreServed() throws Exception {
        // Each of these either names no file of the view or tries to climb out of /ui/ (the
        // state directory holds the token next to it).
        for (String target : List.of("/ui/../token", "/ui/./../token", "/ui/cluster-view.js/../../token",
                "/ui/nope.js", "/ui/INDEX.HTML", "/ui/sub/index.html", "/ui/index.html/", "/ui/.index.html",
                "/ui/token")) {
            RawHttp.Answer a = raw("GET", target, self(), "");
            assertThat(a.status()).as(target).isEqualTo(404);
            assertThat(a.text()).as(target).doesNotContain("<html").doesNotContain("export function");
        }
        // Jetty itself refuses paths climbing above the root and ambiguous ones (encoded dots,
        // slashes and NULs, empty segments) with 400 before any handler sees them.
        for (String target : List.of("/ui/../../../etc/passwd", "/ui/%2e%2e/token", "/ui/..%2ftoken",
                "/ui/index.html%00", "/ui//index.html")) {
            RawHttp.Answer a = raw("GET", target, self(), "");
            assertThat(a.status()).as(target).isEqualTo(400);
            assertThat(a.text()).as(target).doesNotContain("<html").doesNotContain("export function");
        }
    }

    @Test
    void sameHostAndOriginRulesAsTheApi() throws Exception {
        for (String target : List.of("/", "/ui/", "/ui/cluster-view.js")) {
            RawHttp.Answer foreignHost = raw("GET", target, "evil.example:" + server.port(), "");
            assertThat(foreignHost.status()).as(target).isEqualTo(403);
            assertThat(foreignHost.body()).contains("\"field\" : \"Host\"");
            assertThat(foreignHost.text()).doesNotContain("<html").doesNotContain("export function");

            RawHttp.Answer foreignOrigin = raw("GET", target, self(), "Origin: http://evil.example\r\n");
            assertThat(foreignOrigin.status()).as(target).isEqualTo(403);
            assertThat(foreignOrigin.body()).contains("\"field\" : \"Origin\"");
        }
        // The page's own origin (module scripts are fetched with one) is let through.
        assertThat(raw("GET", "/ui/cluster-view.js", "localhost:" + server.port(),
                "Origin: http://localhost:" + server.port() + "\r\n").status()).isEqualTo(200);
    }

    @Test
    void theViewIsReadOnly() throws Exception {
        RawHttp.Answer post = RawHttp.send(server.port(), "POST /ui/ HTTP/1.1\r\nHost: " + self()
                + "\r\nContent-Type: application/json\r\n", "{}");
        answers.add(post.text());
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.text()).containsIgnoringCase("Allow: GET, HEAD");
        assertThat(get("/ui/").body()).doesNotContain(server.token().value()).doesNotContainIgnoringCase("bearer");
    }
}
