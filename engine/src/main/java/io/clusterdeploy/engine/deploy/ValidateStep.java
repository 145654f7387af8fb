package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.operation.StepName;

/** Rolling red/black's validation hook at one target percentage; a failure fails the deploy. */
public final class ValidateStep implements OperationStep {
    private final ValidationHook hook;
    private final int percentage;

    public ValidateStep(ValidationHook hook, int percentage) {
        this.hook = hook;
        this.percentage = percentage;
    }

    @Override
    public String parameter() {
        return StepName.percent(percentage);
    }

    @Override
    public String run(OperationContext ctx) throws InterruptedException {
        String name = DeployContext.newServerGroup(ctx);
        try {
            ctx.call("validation hook at " + percentage + "% for " + name,
                    () -> hook.validate(ctx.operationId(), name, percentage));
        } catch (ClusterDeployException e) {
            throw e;
        } catch (InterruptedException e) {
            // The runner is stopping (a restart): not a failed validation. The step runs again on resume.
            throw e;
        } catch (Exception e) {
            throw ClusterDeployException.conflict("validation", "validation at " + percentage + "% failed: "
                    + e.getMessage());
        }
        return "validation passed at " + percentage + "%";
    }
}
