package hudson.model;

import hudson.ExtensionPoint;

/**
 * Shim of {@code hudson.model.TopLevelItem} (Jenkins 2.541.3). The real covariant
 * {@code TopLevelItemDescriptor getDescriptor()} is omitted.
 */
public interface TopLevelItem extends Item, ExtensionPoint, Describable<TopLevelItem> {
}
