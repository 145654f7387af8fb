package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.Map;

/**
 * Turns a request's {@code validation} settings into a hook. Each front end supplies its own:
 * the standalone server understands {@code {"url": ...}}, the Jenkins binding its step's body.
 * Must be deterministic, since a resumed deploy resolves its hook again from the stored request.
 */
@FunctionalInterface
public interface ValidationHooks {

    /** The hook for {@code settings}; throws naming {@code field} when they make no sense here. */
    ValidationHook resolve(String field, Map<String, Object> settings);

    ValidationHooks NONE = (field, settings) -> {
        throw ClusterDeployException.invalid(field, field + ": validation hooks are not available here");
    };
}
