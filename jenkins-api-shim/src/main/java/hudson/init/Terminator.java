package hudson.init;

import static hudson.init.TermMilestone.COMPLETED;
import static hudson.init.TermMilestone.STARTED;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Shim of {@code hudson.init.Terminator} (Jenkins 2.541.3): the annotation with its real elements, retention and
 * target; the meta-annotation {@code @Indexed} is omitted (annotation-indexer is not on Maven Central).
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface Terminator {
    TermMilestone after() default STARTED;

    TermMilestone before() default COMPLETED;

    String[] requires() default {};

    String[] attains() default {};

    String displayName() default "";
}
