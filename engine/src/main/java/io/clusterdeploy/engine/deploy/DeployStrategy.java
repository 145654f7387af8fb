package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.operation.OperationStep;
import java.util.List;

/**
 * A deploy strategy, as Orca has them: the steps around the creation of the new server group, and what
 * undoes them after a failure. One class per strategy (in {@code deploy.strategy}), each composing the
 * reusable steps of this package and of {@code cluster}.
 *
 * <p>A strategy may provision other server groups and judge them before the new one is created (a canary's
 * baseline and canary, in {@link #beforeCreate}); a judgement that fails the step ends the deploy there,
 * and {@link #onFailure} undoes what was provisioned.
 */
public interface DeployStrategy {

    /** Which strategy this is. */
    Strategy id();

    /** The capacity the new server group is created with, given the deploy's. Rolling red/black starts empty. */
    default Capacity initialCapacity(Capacity target) {
        return target;
    }

    /**
     * Whether the deploy may reuse the cluster's newest group when the cloud says it already runs what is
     * asked ({@link io.clusterdeploy.engine.provider.CloudProvider#reusable}). Not when the strategy must grow a
     * group of its own from nothing, as rolling red/black does.
     */
    default boolean reusesIdenticalServerGroup() {
        return true;
    }

    /** Steps before the new server group is created; {@code sources} are where a canary's metrics are read. */
    default List<OperationStep> beforeCreate(DeployRequest request, MetricSources sources) {
        return List.of();
    }

    /**
     * Steps after the new server group is created: its health gate, moving traffic, cleaning up.
     *
     * @param validation rolling red/black's hook, or null when the request has none
     */
    List<OperationStep> afterCreate(DeployRequest request, ValidationHook validation);

    /**
     * The strategy whose rules create production's new group and move its traffic ({@link #initialCapacity},
     * {@link #reusesIdenticalServerGroup}): itself, or for a canary the strategy it promotes with.
     */
    default DeployStrategy production(DeployRequest request) {
        return this;
    }

    /** Checks against the cloud that this strategy needs before anything is stored; throws, changes nothing. */
    default void preflight(io.clusterdeploy.engine.provider.CloudProvider provider, DeployRequest request) {
    }

    /** Steps that undo the deploy after a failure or a cancel; empty when nothing is to undo. */
    List<OperationStep> onFailure(DeployRequest request);
}
