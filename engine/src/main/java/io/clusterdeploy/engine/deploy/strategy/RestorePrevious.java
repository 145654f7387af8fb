package io.clusterdeploy.engine.deploy.strategy;

import io.clusterdeploy.engine.deploy.DeployRequest;
import io.clusterdeploy.engine.deploy.DestroyNewServerGroupStep;
import io.clusterdeploy.engine.deploy.DisableNewServerGroupStep;
import io.clusterdeploy.engine.deploy.RestorePreviousServerGroupsStep;
import io.clusterdeploy.engine.operation.OperationStep;
import java.util.List;

/**
 * {@code rollback.onFailure}: the groups enabled before the deploy come back healthy first, then the new one
 * is disabled (or destroyed with {@code rollback.destroyLatest}). Every strategy rolls back this way.
 */
final class RestorePrevious {
    private RestorePrevious() {
    }

    static List<OperationStep> steps(DeployRequest request) {
        if (!request.rollbackOnFailure()) {
            return List.of();
        }
        return List.of(new RestorePreviousServerGroupsStep(request), request.rollbackDestroyLatest()
                ? new DestroyNewServerGroupStep(request) : new DisableNewServerGroupStep(request));
    }
}
