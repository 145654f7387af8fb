package hudson.model;

/**
 * Shim of {@code hudson.model.AbstractProject} (Jenkins 2.541.3): only the type with its real generic declaration,
 * as named in {@code BuildStepDescriptor.isApplicable}. Interfaces and members omitted.
 */
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R> {
    @SuppressWarnings("rawtypes")
    protected AbstractProject(ItemGroup parent, String name) {
        super(parent, name);
    }
}
