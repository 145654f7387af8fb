package io.jenkins.plugins.clusterdeploy.validation;

/** The step side of a validation gate: starts the body at a percentage, and hears when it ended. */
public interface BodyStarter {

    /** Starts the body; its outcome arrives later through {@link BodyValidations#finished}. */
    void startBody(String operationId, String serverGroup, int percentage) throws Exception;

    /** The body at {@code percentage} ended (either way). */
    default void bodyEnded(int percentage) {
    }
}
