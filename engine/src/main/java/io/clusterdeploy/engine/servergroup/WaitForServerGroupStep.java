package io.clusterdeploy.engine.servergroup;

import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.ClusterGroups;
import java.time.Duration;

/**
 * Waits until one server group is as a step wants it; the timeline message and the timeout error both say
 * how far it got. Subclasses say which group, what "done" is and how to describe progress.
 */
public abstract class WaitForServerGroupStep implements OperationStep {
    private final String location;
    private final Duration timeout;

    protected WaitForServerGroupStep(String location, Duration timeout) {
        this.location = location;
        this.timeout = timeout;
    }

    /** The group to watch, from the request or the operation's context. */
    protected abstract String serverGroup(OperationContext ctx);

    protected abstract boolean done(ServerGroup sg);

    protected abstract String describe(ServerGroup sg);

    @Override
    public final String run(OperationContext ctx) throws InterruptedException {
        String group = serverGroup(ctx);
        ServerGroup[] last = new ServerGroup[1];
        ctx.waitUntil(timeout, () -> {
            last[0] = ClusterGroups.require(ctx.provider(), location, group, "serverGroupName");
            return done(last[0]);
        }, () -> group + ": " + (last[0] == null ? "not read" : describe(last[0])));
        return group + ": " + describe(last[0]);
    }
}
