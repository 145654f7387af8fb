package io.clusterdeploy.jenkinsapishim.internal;

import org.jvnet.localizer.Localizable;
import org.jvnet.localizer.ResourceBundleHolder;

/**
 * Not a Jenkins type: the English texts behind the few core {@code Messages} the shim's permission constants use
 * (the real core generates {@code Messages} classes from its resource bundles). Do not use from the binding.
 */
public final class ShimMessages {
    private ShimMessages() {
    }

    public static Localizable of(String key) {
        return new Localizable(ResourceBundleHolder.get(ShimMessages.class), key);
    }
}
