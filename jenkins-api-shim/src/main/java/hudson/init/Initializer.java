package hudson.init;

import static hudson.init.InitMilestone.COMPLETED;
import static hudson.init.InitMilestone.STARTED;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Shim of {@code hudson.init.Initializer} (Jenkins 2.541.3): the annotation with its real elements, retention and
 * target. The real meta-annotation {@code @org.jvnet.hudson.annotation_indexer.Indexed} is omitted
 * (annotation-indexer is not on Maven Central), so nothing indexes it in this build.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface Initializer {
    InitMilestone after() default STARTED;

    InitMilestone before() default COMPLETED;

    String[] requires() default {};

    String[] attains() default {};

    String displayName() default "";

    boolean fatal() default true;
}
