package jenkins.model;

import hudson.model.ModelObject;

/** Shim of {@code jenkins.model.FullyNamedModelObject} (Jenkins 2.541.3). */
public interface FullyNamedModelObject extends ModelObject {
    String getFullDisplayName();
}
