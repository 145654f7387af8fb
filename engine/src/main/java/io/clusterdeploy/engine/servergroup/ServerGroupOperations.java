package io.clusterdeploy.engine.servergroup;

import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.operation.Operation;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.ClusterGroups;
import java.time.Duration;
import java.util.List;

/** Builds resize, enable, disable and destroy operations from their requests. */
public final class ServerGroupOperations {
    private static final int DAY = 86_400;

    private ServerGroupOperations() {
    }

    /** The group must exist before anything runs; {@code extra} checks the rest. */
    private static Operation operation(String type, ServerGroupRef ref, Operation.Preflight extra,
                                       List<OperationStep> steps) {
        return Operation.of(type, ref.target(), provider -> {
            ClusterGroups.require(provider, ref.location(), ref.serverGroup(), "serverGroupName");
            extra.check(provider);
        }, steps);
    }

    private static Duration timeout(Fields f) {
        return Duration.ofSeconds(f.optionalInt("timeoutSec", 600, 1, DAY));
    }

    public static Operation resize(Fields f, String account, String location) {
        ServerGroupRef ref = ServerGroupRef.parse(f, account, location);
        ResizeRequest resize = ResizeRequest.parse(f);
        Duration timeout = timeout(f);
        return operation("resize", ref, p -> resize.target(
                ClusterGroups.require(p, ref.location(), ref.serverGroup(), "serverGroupName").capacity()), List.of(
                new ResizeServerGroupStep(ref, resize), new WaitForCapacityStep(ref, timeout)));
    }

    public static Operation enable(Fields f, String account, String location) {
        ServerGroupRef ref = ServerGroupRef.parse(f, account, location);
        Duration timeout = timeout(f);
        return operation("enable", ref, Operation.Preflight.NONE, List.of(
                new EnableServerGroupStep(ref), new WaitForUpInstancesStep(ref, timeout)));
    }

    public static Operation disable(Fields f, String account, String location) {
        ServerGroupRef ref = ServerGroupRef.parse(f, account, location);
        int percentage = f.optionalInt("desiredPercentage", 100, 1, 100);
        return operation("disable", ref, Operation.Preflight.NONE, List.of(
                new DisableServerGroupStep(ref, percentage, false)));
    }

    public static Operation destroy(Fields f, String account, String location) {
        ServerGroupRef ref = ServerGroupRef.parse(f, account, location);
        return operation("destroy", ref, Operation.Preflight.NONE, List.of(
                new DisableServerGroupStep(ref, 100, true), new DestroyServerGroupStep(ref)));
    }
}
