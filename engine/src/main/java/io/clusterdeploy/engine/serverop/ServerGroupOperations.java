package io.clusterdeploy.engine.serverop;

import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.ClusterGroups;
import io.clusterdeploy.engine.operation.Operation;
import io.clusterdeploy.engine.operation.Step;
import io.clusterdeploy.engine.operation.StepContext;
import java.time.Duration;
import java.util.List;

/** Builds resize, enable, disable and destroy operations from their requests. */
public final class ServerGroupOperations {
    private static final int DAY = 86_400;

    private ServerGroupOperations() {
    }

    public static Operation resize(Fields f, String account, String location) {
        ServerGroupRef ref = ServerGroupRef.parse(f, account, location);
        Capacity capacity = f.capacity("capacity");
        Duration timeout = Duration.ofSeconds(f.optionalInt("timeoutSec", 600, 1, DAY));
        return new ServerGroupOperation("resize", ref, List.of(
                step("resizeServerGroup", ctx -> {
                    ctx.provider().resize(ref.location(), ref.name(), capacity);
                    return "capacity set to " + capacity.min() + "/" + capacity.desired() + "/" + capacity.max();
                }),
                waitStep("waitForCapacity", timeout, ref, sg -> sg.instances().size() == capacity.desired()
                        && (sg.disabled() || sg.upCount() == capacity.desired()),
                        sg -> sg.instances().size() + " instances, " + sg.upCount() + " up, "
                                + capacity.desired() + " wanted")));
    }

    public static Operation enable(Fields f, String account, String location) {
        ServerGroupRef ref = ServerGroupRef.parse(f, account, location);
        Duration timeout = Duration.ofSeconds(f.optionalInt("timeoutSec", 600, 1, DAY));
        return new ServerGroupOperation("enable", ref, List.of(
                step("enableServerGroup", ctx -> {
                    ctx.provider().enable(ref.location(), ref.name());
                    return "enabled " + ref.name();
                }),
                waitStep("waitForUpInstances", timeout, ref,
                        sg -> sg.enabled() && sg.upCount() >= sg.capacity().desired(),
                        sg -> sg.upCount() + "/" + sg.capacity().desired() + " instances up")));
    }

    public static Operation disable(Fields f, String account, String location) {
        ServerGroupRef ref = ServerGroupRef.parse(f, account, location);
        int percentage = f.optionalInt("desiredPercentage", 100, 1, 100);
        return new ServerGroupOperation("disable", ref, List.of(
                step("disableServerGroup", ctx -> {
                    ctx.provider().disable(ref.location(), ref.name(), percentage);
                    return "disabled " + percentage + "% of " + ref.name();
                })));
    }

    public static Operation destroy(Fields f, String account, String location) {
        ServerGroupRef ref = ServerGroupRef.parse(f, account, location);
        return new ServerGroupOperation("destroy", ref, List.of(
                step("disableServerGroup", ctx -> {
                    if (ctx.provider().serverGroup(ref.location(), ref.name()).isEmpty()) {
                        return ref.name() + " is already gone";
                    }
                    ctx.provider().disable(ref.location(), ref.name(), 100);
                    return "disabled " + ref.name();
                }),
                step("destroyServerGroup", ctx -> {
                    ctx.provider().destroy(ref.location(), ref.name());
                    return "destroyed " + ref.name();
                })));
    }

    /** A step whose body needs no waiting. */
    interface Body {
        String run(StepContext ctx) throws InterruptedException;
    }

    static Step step(String name, Body body) {
        return new Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String run(StepContext ctx) throws InterruptedException {
                return body.run(ctx);
            }
        };
    }

    static Step waitStep(String name, Duration timeout, ServerGroupRef ref,
                         java.util.function.Predicate<ServerGroup> done,
                         java.util.function.Function<ServerGroup, String> describe) {
        return step(name, ctx -> {
            ServerGroup[] last = new ServerGroup[1];
            ctx.waitUntil(timeout, () -> {
                last[0] = ClusterGroups.require(ctx.provider(), ref.location(), ref.name(), "serverGroupName");
                return done.test(last[0]);
            }, () -> ref.name() + ": " + (last[0] == null ? "not read" : describe.apply(last[0])));
            return ref.name() + ": " + describe.apply(last[0]);
        });
    }
}
