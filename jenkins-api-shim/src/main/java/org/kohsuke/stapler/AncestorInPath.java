package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Shim of {@code org.kohsuke.stapler.AncestorInPath} (stapler 2050.v425108fd5089). The real meta-annotation
 * {@code @InjectedParameter(HandlerImpl.class)} and the nested {@code HandlerImpl} are omitted.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Documented
public @interface AncestorInPath {}
