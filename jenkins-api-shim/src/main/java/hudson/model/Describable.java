package hudson.model;

/** Shim of {@code hudson.model.Describable} (Jenkins 2.541.3). */
public interface Describable<T extends Describable<T>> {
    /** Real default looks the descriptor up in the running Jenkins; there is none here. */
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }
}
