package io.jenkins.plugins.clusterdeploy.ui;

import io.clusterdeploy.ui.UiAssets;
import java.util.Optional;
import java.util.Set;

/**
 * The cluster view's and the canary report's scripts and style sheets, the very files the standalone server serves,
 * for the plugin's own pages. Jenkins draws the pages itself, so index.html and canary.html are not offered, nor
 * ECharts: the canary page takes the echarts-api plugin's.
 */
final class ViewAssets {
    private static final Set<String> SERVED = Set.of("cluster-view.js", "cluster-actions.js", "dom.js", "cluster-view.css",
            "cluster-filters.js", "applications-overview.js", "health.js", "instance-panel.js", "instance-panel.css",
            "canary-report.js",
            "canary-report.css");

    private final UiAssets assets;

    ViewAssets(UiAssets assets) {
        this.assets = assets;
    }

    /** @param restOfPath what follows {@code /cluster-deploy/assets}, e.g. {@code /cluster-view.js} */
    Optional<UiAssets.Asset> find(String restOfPath) {
        String name = restOfPath == null ? "" : restOfPath.startsWith("/") ? restOfPath.substring(1) : restOfPath;
        return SERVED.contains(name) ? assets.find(name) : Optional.empty();
    }
}
