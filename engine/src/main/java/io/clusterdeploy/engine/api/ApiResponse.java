package io.clusterdeploy.engine.api;

/**
 * A JSON answer.
 *
 * @param status HTTP status
 * @param json   the body, always a JSON document
 */
public record ApiResponse(int status, String json) {
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";
}
