package io.clusterdeploy.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.StepRecord;
import io.clusterdeploy.engine.operation.StepStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cloud changes each step of an operation made, read from the runner's saves: a step's changes are the
 * fake's mutations between the save that started it and the save that ended it. For operations run one at a
 * time on one fake cloud.
 */
public final class StepChanges {
    private final FakeCloudProvider cloud;
    /** Per operation, per timeline entry: the mutation count when it started and when it ended (-1 until then). */
    private final Map<String, List<int[]>> marks = new HashMap<>();

    public StepChanges(OperationRunner runner, FakeCloudProvider cloud) {
        this.cloud = cloud;
        runner.addListener(this::saved);
    }

    private synchronized void saved(OperationState s) {
        List<int[]> m = marks.computeIfAbsent(s.id(), id -> new ArrayList<>());
        int now = cloud.mutations().size();
        for (int i = m.size(); i < s.steps().size(); i++) {
            m.add(new int[] {now, -1});
        }
        for (int i = 0; i < s.steps().size(); i++) {
            if (s.steps().get(i).endedAt() != null && m.get(i)[1] < 0) {
                m.get(i)[1] = now;
            }
        }
    }

    /** The changes made by the entry {@code index} of the operation's timeline. */
    public synchronized List<String> of(String operationId, int index) {
        int[] m = marks.get(operationId).get(index);
        return cloud.mutations().subList(m[0], m[1]);
    }

    /**
     * Every step that succeeded left a message in the timeline, and it names each server group the step
     * changed (the wording is not checked).
     */
    public void assertTimelineNamesWhatChanged(OperationState finished) {
        List<StepRecord> steps = finished.steps();
        for (int i = 0; i < steps.size(); i++) {
            StepRecord step = steps.get(i);
            if (step.status() != StepStatus.SUCCEEDED) {
                continue;
            }
            assertThat(step.message()).as("message of %s", step.name()).isNotBlank();
            for (String change : of(finished.id(), i)) {
                assertThat(step.message()).as("message of %s, which made '%s'", step.name(), change)
                        .contains(change.split(" ")[1]);
            }
        }
    }
}
