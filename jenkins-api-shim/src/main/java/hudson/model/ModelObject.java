package hudson.model;

/** Shim of {@code hudson.model.ModelObject} (Jenkins 2.541.3). */
public interface ModelObject {
    String getDisplayName();
}
