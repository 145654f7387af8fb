package io.clusterdeploy.engine.api;

/**
 * A JSON answer.
 *
 * @param status HTTP status
 * @param json   the body, always a JSON document (empty for a 304)
 * @param etag   the body's entity tag for a cached read ({@code "…"}, quotes included), or null
 */
public record ApiResponse(int status, String json, String etag) {
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    public ApiResponse(int status, String json) {
        this(status, json, null);
    }

    /** The client's copy is current: no body. */
    static ApiResponse notModified(String etag) {
        return new ApiResponse(304, "", etag);
    }
}
