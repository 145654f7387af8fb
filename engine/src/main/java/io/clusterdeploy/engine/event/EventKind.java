package io.clusterdeploy.engine.event;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an event is about: a whole operation, or one of its steps (Echo's pipeline and task events). */
public enum EventKind {
    OPERATION("operation"),
    STEP("step");

    private final String id;

    EventKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
