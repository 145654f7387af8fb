package io.jenkins.plugins.clusterdeploy.progress;

import hudson.model.Run;

/**
 * How a build is named as who acted on an operation, alike for the operations it starts and those it cancels when it
 * is stopped: {@code Jenkins build folder/job#12}. The person is on the build's causes, and in the reason of a stop.
 */
public final class BuildActor {
    /** As the engine bounds a reason. */
    private static final int MAX_REASON = 1000;

    private BuildActor() {
    }

    public static String of(Run<?, ?> run) {
        return "Jenkins build " + run.getExternalizableId();
    }

    /**
     * Why a stopped build cancels its operation, with what Jenkins says of the stop (a Pipeline's interruption names
     * its causes, such as {@code Aborted by alice}); one line, within the engine's bound for a reason.
     */
    public static String stopReason(Throwable cause) {
        String said = cause == null || cause.getMessage() == null ? "" : cause.getMessage().strip();
        String reason = said.isEmpty() ? "the build was stopped" : "the build was stopped: " + said;
        reason = reason.replaceAll("\\p{Cntrl}+", " ");
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }
}
