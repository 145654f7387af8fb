package io.jenkins.plugins.clusterdeploy.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * What a controller restart does to a running step execution: Jenkins keeps its serialised form and, after the
 * restart, reads it back and hands it its context again. The objects Jenkins re-attaches rather than copies (the
 * step's context, the bodies running in the Pipeline) are written as references here and resolved on reading:
 * the context to the new one, each body to the body that still runs. A field the execution does not serialise is
 * gone after {@link #load}, as it is after a real restart.
 */
public final class StepPersistence {
    private static final String CONTEXT = "the-step-context";
    private static final String BODY = "the-running-body-";

    private StepPersistence() {
    }

    public static byte[] save(StepExecution execution, FakeStepContext context) throws IOException {
        List<BodyExecution> bodies = context.bodies();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes) {
            {
                enableReplaceObject(true);
            }

            @Override
            protected Object replaceObject(Object obj) {
                if (obj == context) {
                    return CONTEXT;
                }
                for (int i = 0; i < bodies.size(); i++) {
                    if (obj == bodies.get(i)) {
                        return BODY + i;
                    }
                }
                return obj;
            }
        }) {
            out.writeObject(execution);
        }
        return bytes.toByteArray();
    }

    /** @param before the context the execution was saved with (whose bodies still run); @param after the new one */
    public static StepExecution load(byte[] saved, FakeStepContext before, FakeStepContext after) throws Exception {
        List<BodyExecution> bodies = before.bodies();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(saved)) {
            {
                enableResolveObject(true);
            }

            @Override
            protected Object resolveObject(Object obj) {
                if (CONTEXT.equals(obj)) {
                    return after;
                }
                if (obj instanceof String s && s.startsWith(BODY)) {
                    return bodies.get(Integer.parseInt(s.substring(BODY.length())));
                }
                return obj;
            }

            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                return Class.forName(desc.getName(), false, StepPersistence.class.getClassLoader());
            }
        }) {
            return (StepExecution) in.readObject();
        }
    }
}
