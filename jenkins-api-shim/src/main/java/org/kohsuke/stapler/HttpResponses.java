package org.kohsuke.stapler;

/**
 * Shim of {@code org.kohsuke.stapler.HttpResponses} (stapler 2050.v425108fd5089): declared as the superclass of
 * {@code hudson.util.HttpResponses}; its factories are not declared (none is on the binding's list).
 */
public class HttpResponses {
}
