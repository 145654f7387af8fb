package io.jenkins.plugins.clusterdeploy.ui;

import io.clusterdeploy.engine.api.ApiResponse;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/** A JSON answer with its status, not sniffable as anything else. */
public final class JsonHttpResponse implements HttpResponse {
    private final int status;
    private final String json;

    public JsonHttpResponse(int status, String json) {
        this.status = status;
        this.json = json;
    }

    public static JsonHttpResponse of(ApiResponse r) {
        return new JsonHttpResponse(r.status(), r.json());
    }

    public int status() {
        return status;
    }

    public String json() {
        return json;
    }

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException, ServletException {
        rsp.setStatus(status);
        rsp.setContentType(ApiResponse.CONTENT_TYPE);
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        rsp.setHeader("Cache-Control", "no-store");
        rsp.getWriter().write(json);
    }
}
