package io.jenkins.plugins.clusterdeploy.validation;

import io.clusterdeploy.engine.deploy.ValidationHook;
import io.clusterdeploy.engine.deploy.ValidationHooks;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Rolling red/black's validation in Jenkins: {@code validation: {"body": TOKEN}} runs the body of the
 * {@code deployServerGroupWithValidation} step that put the token there, and waits for it. A body that fails
 * (or a step that never attaches) fails the roll. Standalone-style URL hooks are refused, naming the field.
 */
public final class BodyValidationHooks implements ValidationHooks {
    public static final String BODY = "body";

    private final BodyValidations validations;

    public BodyValidationHooks(BodyValidations validations) {
        this.validations = validations;
    }

    @Override
    public ValidationHook resolve(String field, Map<String, Object> settings) {
        Fields f = new Fields(field, settings);
        if (f.has("url")) {
            throw ClusterDeployException.invalid(f.path("url"), f.path("url")
                    + ": URL validation hooks are a standalone server feature; in Jenkins give the deploy a body"
                    + " (deployServerGroupWithValidation { ... })");
        }
        String token = f.requiredString(BODY);
        f.rejectUnknown();
        return (operationId, serverGroup, percentage) -> {
            ValidationGate gate = validations.awaitAttached(token).orElseThrow(() -> new IllegalStateException(
                    "no Pipeline step is attached to run the validation body (the build ended or was not resumed)"));
            if (!operationId.equals(gate.operationId())) {
                // The token is visible in the operation's request; another operation must not run this body.
                throw ClusterDeployException.invalid(field + "." + BODY, field + "." + BODY
                        + " belongs to another operation's Pipeline step");
            }
            try {
                gate.request(operationId, serverGroup, percentage).get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new IllegalStateException(describe(cause), cause);
            }
        };
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return "the validation body failed: " + (m == null || m.isBlank() ? t.getClass().getSimpleName() : m);
    }
}
