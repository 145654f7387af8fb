package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.operation.Step;
import io.clusterdeploy.engine.operation.StepContext;
import java.time.Duration;

/** A cancellable wait such as {@code delayBeforeDisableSec}. */
final class DelayStep implements Step {
    private final String name;
    private final int seconds;

    DelayStep(String name, int seconds) {
        this.name = name;
        this.seconds = seconds;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String run(StepContext ctx) throws InterruptedException {
        ctx.sleep(Duration.ofSeconds(seconds));
        return "waited " + seconds + "s";
    }
}
