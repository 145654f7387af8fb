package io.clusterdeploy.standalone.demo;

/**
 * One request of the demo's load.
 *
 * @param startNanos when it was sent ({@link System#nanoTime()})
 * @param endNanos   when the answer (or the error) came
 * @param status     HTTP status, or 0 when no answer came
 * @param version    the version that answered, or null
 * @param error      why it failed, or null when it succeeded
 */
public record LoadSample(long startNanos, long endNanos, int status, String version, String error) {
    public boolean failed() {
        return error != null;
    }
}
