package hudson.model;

import java.io.IOException;

/**
 * Shim of {@code hudson.model.AbstractBuild} (Jenkins 2.541.3): only the type with its real generic declaration,
 * as named in {@code BuildStep}. Interfaces and members omitted.
 */
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R> {
    protected AbstractBuild(P job) throws IOException {
        super(job);
    }
}
