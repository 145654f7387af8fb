package io.clusterdeploy.engine.operation;

import java.util.List;
import java.util.Optional;

/**
 * Where operation state lives between steps. The standalone server keeps it in a state
 * directory; the Jenkins binding keeps it under JENKINS_HOME.
 */
public interface OperationStore {
    void save(OperationState state);

    Optional<OperationState> load(String id);

    /** Every operation that can be read, newest first. One that cannot be read never stops the listing. */
    List<OperationState> list();

    /**
     * Takes an operation out of the store without deleting it: it is neither listed nor resumed any more, and
     * {@code reason} is kept beside it for whoever looks. For stored operations this release cannot run (an
     * unknown type or account).
     */
    void setAside(String id, String reason);

    /** What the store found it could not read and set aside, one line per file, naming it and why. */
    default List<String> problems() {
        return List.of();
    }
}
