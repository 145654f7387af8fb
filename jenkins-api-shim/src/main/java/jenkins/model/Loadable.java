package jenkins.model;

import java.io.IOException;

/** Shim of {@code jenkins.model.Loadable} (Jenkins 2.541.3). */
public interface Loadable {
    void load() throws IOException;
}
