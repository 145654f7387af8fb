package jenkins.util.io;

/** Shim of {@code jenkins.util.io.OnMaster} (Jenkins 2.541.3). Marker interface. */
public interface OnMaster {
}
