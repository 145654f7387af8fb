package io.clusterdeploy.engine.deploy;

/**
 * Rolling red/black's check between steps: a URL called by the standalone server, a closure in
 * a Jenkinsfile. Throwing fails the deploy (and rolls back when configured).
 */
@FunctionalInterface
public interface ValidationHook {

    /**
     * @param operationId        the deploy
     * @param serverGroup        the new group
     * @param percentageComplete how far the roll is (a target percentage)
     */
    void validate(String operationId, String serverGroup, int percentageComplete) throws Exception;
}
