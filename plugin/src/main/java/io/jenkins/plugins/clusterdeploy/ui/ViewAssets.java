package io.jenkins.plugins.clusterdeploy.ui;

import io.clusterdeploy.ui.UiAssets;
import java.util.Optional;
import java.util.Set;

/**
 * The cluster view's script and style sheet, the very files the standalone server serves, for
 * the plugin's own page. Jenkins draws the page itself, so the view's index.html is not offered.
 */
final class ViewAssets {
    private static final Set<String> SERVED = Set.of("cluster-view.js", "cluster-view.css");

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
