package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Shim of {@code org.jenkinsci.Symbol} (symbol-annotation 1.25). The real meta-annotation
 * {@code @org.jvnet.hudson.annotation_indexer.Indexed} is omitted (annotation-indexer is not on Maven Central),
 * so no symbol index is generated from the shim build.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
public @interface Symbol {
    String[] value();
}
