package io.clusterdeploy.engine.event;

import com.fasterxml.jackson.annotation.JsonValue;

/** Echo's event statuses. */
public enum EventStatus {
    STARTING("starting"),
    COMPLETE("complete"),
    FAILED("failed");

    private final String id;

    EventStatus(String id) {
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
