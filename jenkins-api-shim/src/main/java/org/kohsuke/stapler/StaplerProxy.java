package org.kohsuke.stapler;

/** Shim of {@code org.kohsuke.stapler.StaplerProxy} (stapler 2050.v425108fd5089). */
public interface StaplerProxy {
    Object getTarget();
}
