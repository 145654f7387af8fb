package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import jenkins.model.CauseOfInterruption;

/**
 * Shim of {@code org.jenkinsci.plugins.workflow.steps.FlowInterruptedException} (workflow-step-api): result,
 * causes and the actual-interruption flag as plain data; {@link #handle} (which records causes on the build)
 * throws here.
 */
public final class FlowInterruptedException extends InterruptedException {
    private static final long serialVersionUID = 630482382622970136L;

    private final @NonNull Result result;
    private final @NonNull List<CauseOfInterruption> causes;
    private boolean actualInterruption;

    @Deprecated
    public FlowInterruptedException(@NonNull Result result, @NonNull CauseOfInterruption... causes) {
        this(result, true, causes);
    }

    public FlowInterruptedException(@NonNull Result result, boolean actualInterruption, @NonNull CauseOfInterruption... causes) {
        this.result = result;
        this.causes = Arrays.asList(causes);
        this.actualInterruption = actualInterruption;
    }

    public @NonNull Result getResult() {
        return result;
    }

    public @NonNull List<CauseOfInterruption> getCauses() {
        return causes;
    }

    public boolean isActualInterruption() {
        return actualInterruption;
    }

    public void setActualInterruption(boolean actualInterruption) {
        this.actualInterruption = actualInterruption;
    }

    @Override
    public String getMessage() {
        return causes.stream().map(CauseOfInterruption::getShortDescription).collect(Collectors.joining(", "));
    }

    public void handle(Run<?, ?> run, TaskListener listener) {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }
}
