package io.jenkins.plugins.clusterdeploy.runtime;

import hudson.model.Item;
import io.clusterdeploy.engine.operation.OperationRunner;
import io.jenkins.plugins.clusterdeploy.account.BuildOrigin;
import io.jenkins.plugins.clusterdeploy.account.ChangeRequests;
import io.jenkins.plugins.clusterdeploy.validation.BodyValidations;
import java.time.Duration;

/**
 * What steps and builders need from the running plugin: the engine's operations, the account rules and the
 * registry of validation bodies; of Jenkins types only the job, to tell a change request's build. In Jenkins it is
 * {@link EngineService}; tests build one around a real engine.
 */
public interface ClusterDeployRuntime {

    /** The current engine's operations; UNAVAILABLE when the engine could not be started. */
    OperationRunner operations();

    /** The current engine's planner (dry runs); UNAVAILABLE when the engine could not be started. */
    io.clusterdeploy.engine.plan.Planner planner();

    /** Throws, naming {@code account}, unless the build {@code origin} may use the account now. */
    void checkAccountUse(String account, BuildOrigin origin);

    /** The build of {@code job} as the account rules see it: its full name, and whether it builds a change request. */
    default BuildOrigin originOf(Item job) {
        return new BuildOrigin(job.getFullName(), ChangeRequests.isChangeRequest(job));
    }

    BodyValidations validations();

    /** How often a step looks at its operation to log progress. */
    default Duration pollInterval() {
        return Duration.ofSeconds(1);
    }
}
