package hudson;

/** Shim of {@code hudson.ExtensionPoint} (Jenkins 2.541.3). Marker interface. */
public interface ExtensionPoint {
}
