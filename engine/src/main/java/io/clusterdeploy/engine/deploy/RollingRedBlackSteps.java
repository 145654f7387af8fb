package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.CapacityMaps;
import io.clusterdeploy.engine.operation.ClusterGroups;
import io.clusterdeploy.engine.operation.Step;
import io.clusterdeploy.engine.operation.StepContext;
import io.clusterdeploy.engine.operation.Steps;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rolling red/black: the source's minimum is pinned, then for each target percentage the new
 * group grows to that share of the target, must pass its health gate (and the validation hook),
 * and only then is the same share of the source's instances taken out of traffic. The source is
 * unpinned at the end and after any failure.
 */
final class RollingRedBlackSteps {
    static final String SOURCE = "sourceServerGroup";

    private final DeployRequest request;
    private final ValidationHook hook;

    RollingRedBlackSteps(DeployRequest request, ValidationHook hook) {
        this.request = request;
        this.hook = hook;
    }

    List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        steps.add(Steps.named("pinSourceCapacity", this::pin));
        for (int p : request.targetPercentages()) {
            steps.add(Steps.named("resizeNewServerGroup(" + p + "%)", ctx -> grow(ctx, p)));
            steps.add(Steps.named("waitForHealthy(" + p + "%)", ctx -> {
                String name = ctx.getString(DeployContext.NEW_SERVER_GROUP);
                new WaitForHealthyStep(request.location(), request.targetHealthyDeployPercentage(),
                        request.deployTimeout()).run(ctx);
                return name + " healthy at " + p + "%";
            }));
            if (request.delayBeforeDisableSec() > 0) {
                steps.add(new DelayStep("waitBeforeDisable(" + p + "%)", request.delayBeforeDisableSec()));
            }
            if (hook != null) {
                steps.add(Steps.named("validate(" + p + "%)", ctx -> validate(ctx, p)));
            }
            steps.add(Steps.named("disableSource(" + p + "%)", ctx -> disableSource(ctx, p)));
        }
        if (request.scaleDown()) {
            if (request.delayBeforeScaleDownSec() > 0) {
                steps.add(new DelayStep("waitBeforeScaleDown", request.delayBeforeScaleDownSec()));
            }
            steps.add(new ScaleDownDisabledStep(request.location()));
        }
        steps.add(Steps.named("unpinSourceCapacity", this::unpin));
        return steps;
    }

    List<Step> rollbackSteps() {
        List<Step> steps = new ArrayList<>();
        steps.add(Steps.named("unpinSourceCapacity", this::unpin));
        if (request.rollbackOnFailure()) {
            steps.add(new RestorePreviousStep(request));
            steps.add(new RemoveNewStep(request.location(), request.rollbackDestroyLatest()));
        }
        return steps;
    }

    private Optional<DeployContext.Snapshot> sourceSnapshot(StepContext ctx) {
        String source = ctx.getString(SOURCE);
        return DeployContext.previous(ctx).stream().filter(s -> s.name().equals(source)).findFirst();
    }

    private String pin(StepContext ctx) {
        Optional<DeployContext.Snapshot> source = DeployContext.previous(ctx).stream()
                .filter(DeployContext.Snapshot::enabled).findFirst();
        if (source.isEmpty()) {
            return "no enabled source server group: nothing to pin";
        }
        ctx.put(SOURCE, source.get().name());
        ctx.checkpoint();
        Capacity c = source.get().capacity();
        if (c.min() != c.desired()) {
            ctx.provider().resize(request.location(), source.get().name(), new Capacity(c.desired(), c.desired(), c.max()));
        }
        return "pinned " + source.get().name() + " at min " + c.desired();
    }

    private String unpin(StepContext ctx) {
        Optional<DeployContext.Snapshot> snap = sourceSnapshot(ctx);
        if (snap.isEmpty()) {
            return "nothing pinned";
        }
        Optional<ServerGroup> now = ctx.provider().serverGroup(request.location(), snap.get().name());
        if (now.isEmpty() || now.get().capacity().isZero() || now.get().capacity().min() == snap.get().capacity().min()) {
            return snap.get().name() + " needs no unpinning";
        }
        Capacity c = now.get().capacity();
        int min = Math.min(snap.get().capacity().min(), c.desired());
        ctx.provider().resize(request.location(), snap.get().name(), new Capacity(min, c.desired(), c.max()));
        return "restored the minimum of " + snap.get().name() + " to " + min;
    }

    private String grow(StepContext ctx, int percentage) {
        Capacity target = CapacityMaps.fromMap(ctx.get(DeployContext.CAPACITY));
        int desired = (int) Math.ceil(target.desired() * percentage / 100.0);
        Capacity step = percentage == 100 ? target : new Capacity(Math.min(target.min(), desired), desired, target.max());
        String name = ctx.getString(DeployContext.NEW_SERVER_GROUP);
        ctx.provider().resize(request.location(), name, step);
        return name + " resized to " + desired + " (" + percentage + "% of " + target.desired() + ")";
    }

    private String validate(StepContext ctx, int percentage) throws InterruptedException {
        String name = ctx.getString(DeployContext.NEW_SERVER_GROUP);
        try {
            hook.validate(ctx.operationId(), name, percentage);
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

    private String disableSource(StepContext ctx, int percentage) {
        String source = ctx.getString(SOURCE);
        if (source == null || ctx.provider().serverGroup(request.location(), source).isEmpty()) {
            return "no source server group to take traffic from";
        }
        // Same re-check as red/black: never take traffic from the source for an unhealthy new group.
        String newName = ctx.getString(DeployContext.NEW_SERVER_GROUP);
        ServerGroup fresh = ClusterGroups.require(ctx.provider(), request.location(), newName, "serverGroupName");
        int required = ClusterGroups.requiredUp(fresh.capacity().desired(), request.targetHealthyDeployPercentage());
        if (fresh.upCount() < required) {
            throw ClusterDeployException.conflict(null, "refusing to disable " + percentage + "% of " + source + ": "
                    + newName + " has " + fresh.upCount() + " instances up, " + required + " needed");
        }
        ctx.provider().disable(request.location(), source, percentage);
        if (percentage == 100) {
            ctx.append(DeployContext.DISABLED, source);
        }
        return "disabled " + percentage + "% of " + source;
    }
}
