package io.clusterdeploy.engine.operation;

import java.util.List;
import java.util.Optional;

/**
 * Where operation state lives between steps. The standalone server keeps it in a state
 * directory; the Jenkins binding keeps it under JENKINS_HOME.
 */
public interface OperationStore {
    /** Stores the state, on disk when this returns (a power cut keeps it). */
    void save(OperationState state);

    /**
     * Stores the state without waiting for the disk: a process crash keeps it, a power cut may take it until the
     * next {@link #save}. Only for states a forced save follows before anything depends on them.
     */
    default void saveUnforced(OperationState state) {
        save(state);
    }

    Optional<OperationState> load(String id);

    /**
     * A summary of every operation that can be read, newest first, from memory: no file is read. One that
     * cannot be read never stops the listing.
     */
    List<OperationSummary> summaries();

    /**
     * The newest {@code limit} summaries, of one application or (null) of all; from memory. Stores that hold many
     * operations keep an index per application so that this does not grow with what else they hold.
     */
    default List<OperationSummary> summaries(String application, int limit) {
        return summaries().stream().filter(s -> application == null || application.equals(s.application()))
                .limit(limit).toList();
    }

    /** Every operation that can be read, newest first (reads each: for tests and small stores). */
    default List<OperationState> list() {
        return summaries().stream().map(s -> load(s.id())).flatMap(Optional::stream).toList();
    }

    /** Removes a finished operation for good (retention). */
    void delete(String id);

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
