package io.clusterdeploy.standalone.server;

import io.clusterdeploy.engine.json.Json;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty raises itself (malformed requests, oversized headers, handler failures) in the
 * same JSON shape as the API's, with the standard reason only: nothing from the request or the
 * exception is echoed back.
 */
final class JsonErrorHandler extends ErrorHandler {
    private final Json json = new Json();

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        ApiHttpHandler.send(response, callback, code, body(code));
    }

    private String body(int code) {
        String reason = HttpStatus.getMessage(code);
        return new Rejection(code, reason.toUpperCase(java.util.Locale.ROOT).replace(' ', '_'), null, reason).toJson(json);
    }
}
