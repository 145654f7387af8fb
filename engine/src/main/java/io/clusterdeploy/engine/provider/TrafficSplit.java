package io.clusterdeploy.engine.provider;

/** How a cloud shares one load balancer's traffic between the server groups behind it. */
public enum TrafficSplit {
    /** Each named group gets an exact percentage of the requests ({@link CloudProvider#weighTraffic}). */
    WEIGHTS("exact weights per server group"),
    /** Every instance in rotation takes an equal share, so a group's share is its share of the instances. */
    BY_INSTANCE_COUNT("by instance count");

    private final String description;

    TrafficSplit(String description) {
        this.description = description;
    }

    /** For reports: how the share was set. */
    public String description() {
        return description;
    }
}
