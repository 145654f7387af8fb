package io.clusterdeploy.standalone.server;

import java.util.List;
import java.util.Optional;

/** One check every API request passes before it reaches the engine. */
@FunctionalInterface
public interface RequestRule {
    /** Why the request is refused, or empty to let it through. */
    Optional<Rejection> check(RequestHead head);

    /** The first refusal among {@code rules}, checked in order, or empty when all let it through. */
    static Optional<Rejection> firstRefusal(List<RequestRule> rules, RequestHead head) {
        for (RequestRule rule : rules) {
            Optional<Rejection> refused = rule.check(head);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }
}
