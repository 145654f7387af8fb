package io.clusterdeploy.engine.serverop;

import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.operation.CapacityMaps;
import io.clusterdeploy.engine.operation.ClusterGroups;
import io.clusterdeploy.engine.naming.ServerGroupName;
import io.clusterdeploy.engine.operation.Operation;
import io.clusterdeploy.engine.operation.PlannedOperation;
import io.clusterdeploy.engine.operation.Step;
import io.clusterdeploy.engine.provider.CloudProvider;
import java.util.function.Consumer;
import io.clusterdeploy.engine.operation.Steps;
import java.time.Duration;
import java.util.List;

/** Builds resize, enable, disable and destroy operations from their requests. */
public final class ServerGroupOperations {
    private static final int DAY = 86_400;

    private ServerGroupOperations() {
    }

    /** The group must exist before anything runs; {@code extraPreflight} checks the rest. */
    private static Operation operation(String type, ServerGroupRef ref, Consumer<CloudProvider> extraPreflight,
                                       List<Step> steps) {
        return new PlannedOperation(type, ref.account(), ref.location(),
                ServerGroupName.parse(ref.name()).clusterName(), provider -> {
                    ClusterGroups.require(provider, ref.location(), ref.name(), "serverGroupName");
                    extraPreflight.accept(provider);
                }, steps, List.of());
    }

    public static Operation resize(Fields f, String account, String location) {
        ServerGroupRef ref = ServerGroupRef.parse(f, account, location);
        ResizeRequest resize = ResizeRequest.parse(f);
        Duration timeout = Duration.ofSeconds(f.optionalInt("timeoutSec", 600, 1, DAY));
        String key = "targetCapacity";
        return operation("resize", ref, p -> resize.target(
                ClusterGroups.require(p, ref.location(), ref.name(), "serverGroupName").capacity()), List.of(
                Steps.named("resizeServerGroup", ctx -> {
                    // The target is computed once and kept, so a resumed relative resize does not apply twice.
                    if (ctx.get(key) == null) {
                        Capacity now = ClusterGroups.require(ctx.provider(), ref.location(), ref.name(),
                                "serverGroupName").capacity();
                        ctx.put(key, CapacityMaps.toMap(resize.target(now)));
                        ctx.checkpoint();
                    }
                    Capacity capacity = CapacityMaps.fromMap(ctx.get(key));
                    ctx.provider().resize(ref.location(), ref.name(), capacity);
                    return "capacity set to " + capacity.min() + "/" + capacity.desired() + "/" + capacity.max();
                }),
                Steps.waitFor("waitForCapacity", timeout, ref.location(), ctx -> ref.name(),
                        sg -> sg.instances().size() == sg.capacity().desired()
                                && (sg.disabled() || sg.upCount() == sg.capacity().desired()),
                        sg -> sg.instances().size() + " instances, " + sg.upCount() + " up, "
                                + sg.capacity().desired() + " wanted")));
    }

    public static Operation enable(Fields f, String account, String location) {
        ServerGroupRef ref = ServerGroupRef.parse(f, account, location);
        Duration timeout = Duration.ofSeconds(f.optionalInt("timeoutSec", 600, 1, DAY));
        return operation("enable", ref, p -> { }, List.of(
                Steps.named("enableServerGroup", ctx -> {
                    ctx.provider().enable(ref.location(), ref.name());
                    return "enabled " + ref.name();
                }),
                Steps.waitFor("waitForUpInstances", timeout, ref.location(), ctx -> ref.name(),
                        sg -> sg.enabled() && sg.upCount() >= sg.capacity().desired(),
                        sg -> sg.upCount() + "/" + sg.capacity().desired() + " instances up")));
    }

    public static Operation disable(Fields f, String account, String location) {
        ServerGroupRef ref = ServerGroupRef.parse(f, account, location);
        int percentage = f.optionalInt("desiredPercentage", 100, 1, 100);
        return operation("disable", ref, p -> { }, List.of(
                Steps.named("disableServerGroup", ctx -> {
                    ctx.provider().disable(ref.location(), ref.name(), percentage);
                    return "disabled " + percentage + "% of " + ref.name();
                })));
    }

    public static Operation destroy(Fields f, String account, String location) {
        ServerGroupRef ref = ServerGroupRef.parse(f, account, location);
        return operation("destroy", ref, p -> { }, List.of(
                Steps.named("disableServerGroup", ctx -> {
                    if (ctx.provider().serverGroup(ref.location(), ref.name()).isEmpty()) {
                        return ref.name() + " is already gone";
                    }
                    ctx.provider().disable(ref.location(), ref.name(), 100);
                    return "disabled " + ref.name();
                }),
                Steps.named("destroyServerGroup", ctx -> {
                    ctx.provider().destroy(ref.location(), ref.name());
                    return "destroyed " + ref.name();
                })));
    }
}
