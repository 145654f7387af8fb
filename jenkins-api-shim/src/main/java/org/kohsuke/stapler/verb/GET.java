package org.kohsuke.stapler.verb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Shim of {@code org.kohsuke.stapler.verb.GET} (stapler 2050.v425108fd5089). The real meta-annotation
 * {@code @InterceptorAnnotation(value = HttpVerbInterceptor.class, stage = Stage.SELECTION)} is omitted.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface GET {}
