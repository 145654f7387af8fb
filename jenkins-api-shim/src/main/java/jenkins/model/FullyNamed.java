package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Shim of {@code jenkins.model.FullyNamed} (Jenkins 2.541.3). */
public interface FullyNamed {
    @NonNull
    String getFullName();
}
