package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;

/** Shim of {@code org.jenkinsci.plugins.workflow.actions.PersistentAction} (workflow-api 1413.v2ff1a_5e720fa_). */
public interface PersistentAction extends Action {
}
