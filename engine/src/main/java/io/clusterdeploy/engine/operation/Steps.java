package io.clusterdeploy.engine.operation;

import io.clusterdeploy.engine.model.ServerGroup;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

/** Small steps written as lambdas, for operations whose steps need no class of their own. */
public final class Steps {
    private Steps() {
    }

    /** A step's work. */
    @FunctionalInterface
    public interface Body {
        String run(StepContext ctx) throws InterruptedException;
    }

    public static Step named(String name, Body body) {
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

    /**
     * Waits until the named group satisfies {@code done}; the timeline message and the timeout
     * error both say how far it got.
     */
    public static Step waitFor(String name, Duration timeout, String location, Function<StepContext, String> groupName,
                               Predicate<ServerGroup> done, Function<ServerGroup, String> describe) {
        return named(name, ctx -> {
            String group = groupName.apply(ctx);
            ServerGroup[] last = new ServerGroup[1];
            ctx.waitUntil(timeout, () -> {
                last[0] = ClusterGroups.require(ctx.provider(), location, group, "serverGroupName");
                return done.test(last[0]);
            }, () -> group + ": " + (last[0] == null ? "not read" : describe.apply(last[0])));
            return group + ": " + describe.apply(last[0]);
        });
    }
}
