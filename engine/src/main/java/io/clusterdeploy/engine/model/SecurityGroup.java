package io.clusterdeploy.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * A firewall: ingress rules applied to server groups.
 *
 * @param name     name
 * @param account  account
 * @param location region, namespace or {@code local}
 * @param rules    ingress rules
 */
public record SecurityGroup(String name, String account, String location, List<Rule> rules) {
    public SecurityGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(location, "location");
        rules = List.copyOf(rules);
    }

    /**
     * One ingress rule.
     *
     * @param protocol tcp, udp, icmp or -1 for all
     * @param fromPort first port
     * @param toPort   last port
     * @param source   a CIDR or another security group's name
     */
    public record Rule(String protocol, int fromPort, int toPort, String source) {
    }
}
