package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Shim of {@code hudson.model.Action} (Jenkins 2.541.3). */
public interface Action extends ModelObject {
    @CheckForNull String getIconFileName();

    @Override
    @CheckForNull String getDisplayName();

    @CheckForNull String getUrlName();
}
