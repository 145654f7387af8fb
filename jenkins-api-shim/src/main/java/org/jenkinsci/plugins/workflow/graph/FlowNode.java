package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;
import java.util.List;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;

/**
 * Shim of {@code org.jenkinsci.plugins.workflow.graph.FlowNode} (workflow-api 1413.v2ff1a_5e720fa_).
 * Its actions are {@link Actionable}'s plain list (the real one persists them with the node); the interface
 * {@code Saveable} and the members the binding does not use are omitted.
 */
public abstract class FlowNode extends Actionable {
    protected FlowNode(FlowExecution exec, String id, List<FlowNode> parents) {
    }
}
