package io.clusterdeploy.engine.operation;

import com.fasterxml.jackson.annotation.JsonValue;

/** The part of an operation that is running: its main steps, or the steps that undo them. */
public enum Phase {
    MAIN("main"),
    ROLLBACK("rollback");

    private final String id;

    Phase(String id) {
        this.id = id;
    }

    /** As written in state files, events and the API. */
    @JsonValue
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
