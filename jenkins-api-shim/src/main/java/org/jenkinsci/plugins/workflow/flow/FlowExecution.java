package org.jenkinsci.plugins.workflow.flow;

/**
 * Shim of {@code org.jenkinsci.plugins.workflow.flow.FlowExecution} (workflow-api 1413.v2ff1a_5e720fa_).
 * Only the type, for {@code FlowNode}'s constructor; its interfaces {@code FlowActionStorage} and
 * {@code GraphLookupView} and every member are omitted.
 */
public abstract class FlowExecution {
}
