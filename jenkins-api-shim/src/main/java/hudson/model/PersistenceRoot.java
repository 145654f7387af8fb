package hudson.model;

import java.io.File;

/** Shim of {@code hudson.model.PersistenceRoot} (Jenkins 2.541.3). */
public interface PersistenceRoot extends Saveable {
    File getRootDir();
}
