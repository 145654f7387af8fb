package io.clusterdeploy.engine.operation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
 * @param target          where it acts (null only in files written before 0.2, until they resume)
 * @param failIfBusy      it refused to queue behind another operation on its cluster
 * @param request         the validated request, as plain maps and lists
 * @param status          RUNNING until it ends
 * @param phase           main, or rollback once undoing
 * @param nextStep        index of the first step of {@code phase} not yet completed
 * @param steps           timeline
 * @param context         values steps share and that must survive a restart (server groups created, snapshots)
 * @param error           why it failed, or null
 * @param cancelRequested true once a cancel was asked for
 * @param cancellation    who asked for the cancel and why; null until then (and in files written before 0.3)
 * @param createdAt       start time
 * @param updatedAt       time of the last change
 */
public record OperationState(
        String id,
        String type,
        OperationTarget target,
        boolean failIfBusy,
        Map<String, Object> request,
        OperationStatus status,
        Phase phase,
        int nextStep,
        List<StepRecord> steps,
        Map<String, Object> context,
        ErrorInfo error,
        boolean cancelRequested,
        Cancellation cancellation,
        Instant createdAt,
        Instant updatedAt) {

    public OperationState {
        request = request == null ? Map.of() : unmodifiableCopy(request);
        steps = steps == null ? List.of() : List.copyOf(steps);
        context = context == null ? Map.of() : unmodifiableCopy(context);
        phase = phase == null ? Phase.MAIN : phase;
    }

    private static Map<String, Object> unmodifiableCopy(Map<String, Object> m) {
        // LinkedHashMap keeps the order users wrote and allows null values, unlike Map.copyOf.
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    public static OperationState started(String id, Operation op, Map<String, Object> request, Instant now) {
        return new OperationState(id, op.type(), op.target(), op.failIfBusy(), request, OperationStatus.RUNNING,
                Phase.MAIN, 0, List.of(), Map.of(), null, false, null, now, now);
    }

    private OperationState with(OperationStatus newStatus, Phase newPhase, int newNextStep, List<StepRecord> newSteps,
                                Map<String, Object> newContext, ErrorInfo newError, boolean newCancel, Instant now) {
        return new OperationState(id, type, target, failIfBusy, request, newStatus, newPhase, newNextStep, newSteps,
                newContext, newError, newCancel, cancellation, createdAt, now);
    }

    OperationState withStepStarted(String name, Instant now) {
        List<StepRecord> s = new ArrayList<>(steps);
        s.add(new StepRecord(name, phase, StepStatus.RUNNING, now, null, null));
        return with(status, phase, nextStep, s, context, error, cancelRequested, now);
    }

    OperationState withStepEnded(StepStatus stepStatus, String message, boolean advance, Instant now) {
        List<StepRecord> s = new ArrayList<>(steps);
        int last = s.size() - 1;
        s.set(last, s.get(last).end(stepStatus, now, message));
        return with(status, phase, advance ? nextStep + 1 : nextStep, s, context, error, cancelRequested, now);
    }

    OperationState withContext(Map<String, Object> newContext, Instant now) {
        return with(status, phase, nextStep, steps, newContext, error, cancelRequested, now);
    }

    OperationState withRollbackPhase(ErrorInfo cause, Instant now) {
        return with(status, Phase.ROLLBACK, 0, steps, context, cause, cancelRequested, now);
    }

    OperationState finished(OperationStatus finalStatus, ErrorInfo finalError, Instant now) {
        return with(finalStatus, phase, nextStep, steps, context, finalError, cancelRequested, now);
    }

    /** The first cancel's who and why are kept: a second cancel changes nothing but the time of the last change. */
    OperationState withCancelRequested(String by, String reason, Instant now) {
        Cancellation c = cancelRequested && cancellation != null ? cancellation : new Cancellation(by, reason, now);
        return new OperationState(id, type, target, failIfBusy, request, status, phase, nextStep, steps, context, error,
                true, c, createdAt, now);
    }

    /** A file written before operations recorded their target gets it from its parsed request on resume. */
    OperationState withTarget(OperationTarget parsed) {
        return target != null ? this : new OperationState(id, type, parsed, failIfBusy, request, status, phase,
                nextStep, steps, context, error, cancelRequested, cancellation, createdAt, updatedAt);
    }

    /** A step that was RUNNING when the process died is marked as interrupted on resume. */
    OperationState withInterruptedStepClosed(Instant now) {
        if (steps.isEmpty() || steps.get(steps.size() - 1).status() != StepStatus.RUNNING) {
            return this;
        }
        return withStepEnded(StepStatus.INTERRUPTED, "the runner stopped during this step; it is run again", false, now);
    }
}
