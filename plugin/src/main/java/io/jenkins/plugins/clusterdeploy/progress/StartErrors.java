package io.jenkins.plugins.clusterdeploy.progress;

import io.clusterdeploy.engine.error.ClusterDeployException;

/** The message a step or builder fails with when its operation cannot start, naming the parameter at fault. */
public final class StartErrors {
    private StartErrors() {
    }

    public static String message(String functionName, ClusterDeployException e) {
        String field = e.field();
        String text = e.getMessage() == null ? e.kind().name() : e.getMessage();
        if (field == null || field.isBlank()) {
            return functionName + ": " + text;
        }
        return functionName + ": invalid parameter '" + field + "': " + text;
    }
}
