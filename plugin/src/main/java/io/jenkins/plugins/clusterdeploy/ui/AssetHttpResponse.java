package io.jenkins.plugins.clusterdeploy.ui;

import io.clusterdeploy.ui.UiAssets;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/** One of the cluster view's static files. */
final class AssetHttpResponse implements HttpResponse {
    private final UiAssets.Asset asset;

    AssetHttpResponse(UiAssets.Asset asset) {
        this.asset = asset;
    }

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException, ServletException {
        rsp.setStatus(200);
        rsp.setContentType(asset.contentType());
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        rsp.setHeader("Cache-Control", "no-cache");
        rsp.getOutputStream().write(asset.bytes());
    }
}
