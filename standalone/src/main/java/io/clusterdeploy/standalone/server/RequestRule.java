package io.clusterdeploy.standalone.server;

import java.util.Optional;

/** One check every API request passes before it reaches the engine. */
@FunctionalInterface
public interface RequestRule {
    /** Why the request is refused, or empty to let it through. */
    Optional<Rejection> check(RequestHead head);
}
