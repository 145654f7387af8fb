package io.clusterdeploy.engine.api;

/** Answers API requests. Never throws: errors become JSON answers with a status. */
@FunctionalInterface
public interface ApiHandler {
    ApiResponse handle(ApiRequest request);
}
