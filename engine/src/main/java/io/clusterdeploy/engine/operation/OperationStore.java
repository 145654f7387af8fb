package io.clusterdeploy.engine.operation;

import java.util.List;
import java.util.Optional;

/**
 * Where operation state lives between steps. The standalone server keeps it in a state
 * directory; the Jenkins binding keeps it with the build.
 */
public interface OperationStore {
    void save(OperationState state);

    Optional<OperationState> load(String id);

    /** All known operations, newest first. */
    List<OperationState> list();
}
