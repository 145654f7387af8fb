package io.clusterdeploy.engine.operation;

import java.util.Map;

/** Turns a request (plain maps from JSON) into an {@link Operation}, or throws naming the bad field. */
@FunctionalInterface
public interface OperationParser {
    Operation parse(Map<String, Object> request);
}
