package io.clusterdeploy.engine.operation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to show an operation and to resume it after a crash. Serialised to JSON
 * after every step. The plan itself is not stored: it is rebuilt from {@code request}, which is
 * why plans must be deterministic functions of their request.
 *
 * @param id              operation id
 * @param type            operation type ({@code deploy}, {@code resize} ...)
 * @param request         the validated request, as plain maps and lists
 * @param status          RUNNING until it ends
 * @param phase           {@code main}, or {@code rollback} once undoing
 * @param nextStep        index of the first step of {@code phase} not yet completed
 * @param steps           timeline
 * @param context         values steps share and that must survive a restart (server groups created, snapshots)
 * @param error           why it failed, or null
 * @param cancelRequested true once a cancel was asked for
 * @param createdAt       start time
 * @param updatedAt       time of the last change
 */
public record OperationState(
        String id,
        String type,
        Map<String, Object> request,
        OperationStatus status,
        String phase,
        int nextStep,
        List<StepRecord> steps,
        Map<String, Object> context,
        ErrorInfo error,
        boolean cancelRequested,
        Instant createdAt,
        Instant updatedAt) {

    public static final String MAIN = "main";
    public static final String ROLLBACK = "rollback";

    public OperationState {
        request = request == null ? Map.of() : unmodifiableCopy(request);
        steps = steps == null ? List.of() : List.copyOf(steps);
        context = context == null ? Map.of() : unmodifiableCopy(context);
    }

    private static Map<String, Object> unmodifiableCopy(Map<String, Object> m) {
        // LinkedHashMap keeps the order users wrote and allows null values, unlike Map.copyOf.
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    public static OperationState started(String id, String type, Map<String, Object> request, Instant now) {
        return new OperationState(id, type, request, OperationStatus.RUNNING, MAIN, 0,
                List.of(), Map.of(), null, false, now, now);
    }

    OperationState withStepStarted(String name, Instant now) {
        List<StepRecord> s = new ArrayList<>(steps);
        s.add(new StepRecord(name, phase, "RUNNING", now, null, null));
        return new OperationState(id, type, request, status, phase, nextStep, s, context, error,
                cancelRequested, createdAt, now);
    }

    OperationState withStepEnded(String stepStatus, String message, boolean advance, Instant now) {
        List<StepRecord> s = new ArrayList<>(steps);
        int last = s.size() - 1;
        s.set(last, s.get(last).end(stepStatus, now, message));
        return new OperationState(id, type, request, status, phase, advance ? nextStep + 1 : nextStep, s,
                context, error, cancelRequested, createdAt, now);
    }

    OperationState withContext(Map<String, Object> newContext, Instant now) {
        return new OperationState(id, type, request, status, phase, nextStep, steps, newContext, error,
                cancelRequested, createdAt, now);
    }

    OperationState withRollbackPhase(ErrorInfo cause, Instant now) {
        return new OperationState(id, type, request, status, ROLLBACK, 0, steps, context, cause,
                cancelRequested, createdAt, now);
    }

    OperationState finished(OperationStatus finalStatus, ErrorInfo finalError, Instant now) {
        return new OperationState(id, type, request, finalStatus, phase, nextStep, steps, context, finalError,
                cancelRequested, createdAt, now);
    }

    OperationState withCancelRequested(Instant now) {
        return new OperationState(id, type, request, status, phase, nextStep, steps, context, error,
                true, createdAt, now);
    }

    /** A step that was RUNNING when the process died is marked as interrupted on resume. */
    OperationState withInterruptedStepClosed(Instant now) {
        if (steps.isEmpty() || !"RUNNING".equals(steps.get(steps.size() - 1).status())) {
            return this;
        }
        return withStepEnded("INTERRUPTED", "the runner stopped during this step; it is run again", false, now);
    }
}
