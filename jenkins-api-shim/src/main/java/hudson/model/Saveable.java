package hudson.model;

import java.io.IOException;

/** Shim of {@code hudson.model.Saveable} (Jenkins 2.541.3). */
public interface Saveable {
    void save() throws IOException;
}
