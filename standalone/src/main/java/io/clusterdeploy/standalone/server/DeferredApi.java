package io.clusterdeploy.standalone.server;

import io.clusterdeploy.engine.api.ApiHandler;
import io.clusterdeploy.engine.api.ApiRequest;
import io.clusterdeploy.engine.api.ApiResponse;

/**
 * The API while the server starts: its port is bound before any provider is built (so a port in use
 * fails the start before an instance is touched), and it answers 503 until the engine is ready.
 */
final class DeferredApi implements ApiHandler {
    private volatile ApiHandler engine;

    void serve(ApiHandler ready) {
        this.engine = ready;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        ApiHandler ready = engine;
        if (ready == null) {
            return new ApiResponse(503, "{\"status\": 503, \"error\": \"UNAVAILABLE\", \"field\": null,"
                    + " \"message\": \"the server is starting\"}");
        }
        return ready.handle(request);
    }
}
