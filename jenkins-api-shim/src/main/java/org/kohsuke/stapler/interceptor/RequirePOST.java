package org.kohsuke.stapler.interceptor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Shim of {@code org.kohsuke.stapler.interceptor.RequirePOST} (stapler 2050.v425108fd5089). The real
 * meta-annotation {@code @InterceptorAnnotation(RequirePOST.Processor.class)} and the nested
 * {@code ErrorCustomizer}/{@code Processor} are omitted.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface RequirePOST {}
