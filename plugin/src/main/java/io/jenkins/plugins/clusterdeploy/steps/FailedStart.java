package io.jenkins.plugins.clusterdeploy.steps;

import hudson.AbortException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/** A step whose parameters were refused before anything ran: it fails at once with the message. */
final class FailedStart extends StepExecution {
    private static final long serialVersionUID = 1L;

    private final String message;

    FailedStart(StepContext context, String message) {
        super(context);
        this.message = message;
    }

    @Override
    public boolean start() throws Exception {
        throw new AbortException(message);
    }
}
