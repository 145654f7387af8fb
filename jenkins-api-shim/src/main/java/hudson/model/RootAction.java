package hudson.model;

import hudson.ExtensionPoint;

/**
 * Shim of {@code hudson.model.RootAction} (Jenkins 2.541.3).
 * The real default methods {@code getBadge()} and {@code isPrimaryAction()} are omitted (unused by the binding).
 */
public interface RootAction extends Action, ExtensionPoint {
}
