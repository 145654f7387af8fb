package io.clusterdeploy.engine.event;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Echo-style notification: an operation or one of its steps is starting, complete or failed.
 *
 * @param kind          operation or step
 * @param status        starting, complete or failed
 * @param operationId   operation id
 * @param operationType operation type ({@code deploy} ...)
 * @param account       account
 * @param cluster       cluster the operation works on
 * @param step          step name, or null for operation events
 * @param phase         {@code main} or {@code rollback}
 * @param message       what happened, or why it failed
 * @param context       the operation's context at that moment (server groups created, disabled ...)
 * @param time          when
 */
public record OperationEvent(
        EventKind kind, EventStatus status, String operationId, String operationType, String account, String cluster,
        String step, String phase, String message, Map<String, Object> context, Instant time) {

    public OperationEvent {
        context = context == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    /** Spinnaker's event type, e.g. {@code step.complete}. */
    public String type() {
        return kind.id() + "." + status.id();
    }
}
