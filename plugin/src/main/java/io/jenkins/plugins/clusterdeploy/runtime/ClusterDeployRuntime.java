package io.jenkins.plugins.clusterdeploy.runtime;

import io.clusterdeploy.engine.operation.OperationRunner;
import io.jenkins.plugins.clusterdeploy.validation.BodyValidations;
import java.time.Duration;

/**
 * What steps and builders need from the running plugin, without Jenkins types: the engine's operations, the
 * account rules and the registry of validation bodies. In Jenkins it is {@link EngineService}; tests build one
 * around a real engine.
 */
public interface ClusterDeployRuntime {

    /** The current engine's operations; UNAVAILABLE when the engine could not be started. */
    OperationRunner operations();

    /** Throws, naming {@code account}, unless job {@code jobFullName} may use the account now. */
    void checkAccountUse(String account, String jobFullName);

    BodyValidations validations();

    /** How often a step looks at its operation to log progress. */
    default Duration pollInterval() {
        return Duration.ofSeconds(1);
    }
}
