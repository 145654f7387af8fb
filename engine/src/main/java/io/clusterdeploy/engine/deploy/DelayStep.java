package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import java.time.Duration;

/** A cancellable wait such as {@code delayBeforeDisableSec}; each kind of wait is a subclass, named for it. */
abstract class DelayStep implements OperationStep {
    private final int seconds;

    DelayStep(int seconds) {
        this.seconds = seconds;
    }

    @Override
    public final String run(OperationContext ctx) throws InterruptedException {
        ctx.sleep(Duration.ofSeconds(seconds));
        return "waited " + seconds + "s";
    }
}
