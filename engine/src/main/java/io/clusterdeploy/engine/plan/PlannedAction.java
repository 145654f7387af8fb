package io.clusterdeploy.engine.plan;

import io.clusterdeploy.engine.model.Capacity;

/**
 * One change a planned operation would make in the cloud.
 *
 * @param kind        what it does
 * @param target      the server group or load balancer it changes
 * @param from        a resize's capacity before, or null
 * @param to          the capacity after a create or resize, or null
 * @param percentage  a disable's share of instances (100 for a whole disable), a traffic weight, or null
 */
public record PlannedAction(Kind kind, String target, Capacity from, Capacity to, Integer percentage) {

    /** The changes the SPI can make. */
    public enum Kind { CREATE, RESIZE, ENABLE, DISABLE, DESTROY, UPSERT_LOAD_BALANCER, WEIGH_TRAFFIC }

    @Override
    public String toString() {
        return switch (kind) {
            case CREATE -> "create " + target + " at " + capacity(to);
            case RESIZE -> "resize " + target + " from " + capacity(from) + " to " + capacity(to);
            case ENABLE -> "enable " + target;
            case DISABLE -> percentage == 100 ? "disable " + target : "disable " + percentage + "% of " + target;
            case DESTROY -> "destroy " + target;
            case UPSERT_LOAD_BALANCER -> "upsert load balancer " + target;
            case WEIGH_TRAFFIC -> "give " + target + " " + percentage + "% of its load balancers' traffic";
        };
    }

    private static String capacity(Capacity c) {
        return c.min() + "/" + c.desired() + "/" + c.max();
    }
}
