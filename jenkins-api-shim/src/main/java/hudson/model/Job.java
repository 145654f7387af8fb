package hudson.model;

import hudson.ExtensionPoint;

/**
 * Shim of {@code hudson.model.Job} (Jenkins 2.541.3): real generic declaration; {@code getFullName()} comes from
 * {@link AbstractItem}. Interfaces {@code StaplerOverridable}, {@code ModelObjectWithChildren}, {@code HasWidgets}
 * and all Job members are omitted.
 */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
        extends AbstractItem implements ExtensionPoint {
    @SuppressWarnings("rawtypes")
    protected Job(ItemGroup parent, String name) {
        super(parent, name);
    }
}
