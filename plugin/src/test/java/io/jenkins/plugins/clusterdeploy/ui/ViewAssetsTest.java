package io.jenkins.plugins.clusterdeploy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.ui.UiAssets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The plugin page uses the ui module's own files, and nothing else can be asked for. */
class ViewAssetsTest {
    private final ViewAssets assets = new ViewAssets(UiAssets.load(ViewAssetsTest.class.getClassLoader()));

    @Test
    void servesTheClusterViewScriptAndStyleSheet() {
        assertThat(assets.find("/cluster-view.js")).get().satisfies(a -> {
            assertThat(a.contentType()).startsWith("text/javascript");
            assertThat(new String(a.bytes(), StandardCharsets.UTF_8)).contains("data-api");
        });
        assertThat(assets.find("/cluster-view.css")).get()
                .satisfies(a -> assertThat(a.contentType()).startsWith("text/css"));
    }

    @Test
    void servesTheInstancePanelTheClusterViewImports() {
        assertThat(new String(assets.find("/cluster-view.js").orElseThrow().bytes(), StandardCharsets.UTF_8))
                .contains("from './instance-panel.js'");
        assertThat(assets.find("/instance-panel.js")).get().satisfies(a -> {
            assertThat(a.contentType()).startsWith("text/javascript");
            assertThat(new String(a.bytes(), StandardCharsets.UTF_8)).contains("instance-panel.css");
        });
        assertThat(assets.find("/instance-panel.css")).get()
                .satisfies(a -> assertThat(a.contentType()).startsWith("text/css"));
    }

    @Test
    void servesTheCanaryReportScriptAndStyleSheet() {
        assertThat(assets.find("/canary-report.js")).get().satisfies(a -> {
            assertThat(a.contentType()).startsWith("text/javascript");
            assertThat(new String(a.bytes(), StandardCharsets.UTF_8)).contains("data-canary-report")
                    .contains("from './cluster-view.js'");
        });
        assertThat(assets.find("/canary-report.css")).get()
                .satisfies(a -> assertThat(a.contentType()).startsWith("text/css"));
    }

    @Test
    void everyModuleTheServedScriptsImportIsServedToo() {
        // A module the page imports but the plugin does not serve breaks the Jenkins page only (standalone serves it).
        Deque<String> toRead = new ArrayDeque<>(List.of("cluster-view.js", "canary-report.js"));
        Set<String> seen = new HashSet<>();
        Pattern from = Pattern.compile("from '\\./([^']+)'");
        while (!toRead.isEmpty()) {
            String name = toRead.pop();
            if (!seen.add(name)) {
                continue;
            }
            assertThat(assets.find("/" + name)).as("%s, imported by the page", name).isPresent();
            Matcher m = from.matcher(new String(assets.find("/" + name).orElseThrow().bytes(),
                    StandardCharsets.UTF_8));
            while (m.find()) {
                toRead.push(m.group(1));
            }
        }
        assertThat(seen).contains("cluster-filters.js", "applications-overview.js", "health.js", "dom.js");
    }

    @Test
    void nothingElse() {
        assertThat(assets.find("/index.html")).as("Jenkins draws the page itself").isEmpty();
        assertThat(assets.find("/canary.html")).as("Jenkins draws the page itself").isEmpty();
        assertThat(assets.find("/vendor/echarts.min.js")).as("ECharts comes from the echarts-api plugin").isEmpty();
        assertThat(assets.find("/../../META-INF/MANIFEST.MF")).isEmpty();
        assertThat(assets.find("/cluster-view.js/")).isEmpty();
        assertThat(assets.find("")).isEmpty();
        assertThat(assets.find(null)).isEmpty();
    }
}
