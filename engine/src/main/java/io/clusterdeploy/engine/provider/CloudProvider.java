package io.clusterdeploy.engine.provider;

import io.clusterdeploy.engine.model.Account;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.SecurityGroup;
import io.clusterdeploy.engine.model.ServerGroup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One account's connection to a cloud: what the engine reads and changes there.
 *
 * <p>Every mutation is idempotent where the cloud allows it (enabling an enabled group is a
 * no-op), so that an operation resumed after a crash can repeat its last step safely. Errors are
 * {@link io.clusterdeploy.engine.error.ClusterDeployException}s naming the field at fault. Input
 * is validated before anything in the cloud changes.
 */
public interface CloudProvider extends AutoCloseable {

    /** The account this provider serves. */
    Account account();

    // ---- reads ----------------------------------------------------------------------------

    /** Names of the applications that have server groups or load balancers in this account. */
    List<String> applications();

    /** All server groups of an application (every cluster, every location), with instances. */
    List<ServerGroup> serverGroups(String application);

    /** One server group, or empty when it does not exist. */
    Optional<ServerGroup> serverGroup(String location, String name);

    /** Load balancers of an application, or all of them when {@code application} is null. */
    List<LoadBalancer> loadBalancers(String application);

    /** Security groups / firewalls of an application, or all of them when {@code application} is null. */
    List<SecurityGroup> securityGroups(String application);

    /**
     * Calls {@code onChange} (quickly, from any thread) whenever something an operation may be waiting for
     * changes in this account: an instance's health, a group's instances or capacity. Operations then look
     * again at once instead of at their next poll; a provider that cannot tell keeps the default, and waits poll.
     *
     * @return closing it ends the subscription
     */
    default AutoCloseable subscribe(Runnable onChange) {
        return () -> { };
    }

    /**
     * What the cloud tells about one instance of a group beyond the model (its health checks, its own facts), for
     * the instance panel; the caller has found the instance in {@link #serverGroup} first. The default tells nothing
     * more. Facts never carry a secret, an environment value or a command line.
     */
    default InstanceDetails instanceDetails(String location, String serverGroup, String instanceId) {
        return InstanceDetails.NONE;
    }

    /**
     * The last {@code maxLines} lines (1 to {@link InstanceLog#MAX_LINES}, at most {@link InstanceLog#MAX_BYTES}) of
     * what the instance printed, where this cloud keeps it; empty where it does not (the default: not supported).
     * Throws NOT_FOUND naming {@code id} when the instance is not in the group.
     */
    default Optional<InstanceLog> instanceLog(String location, String serverGroup, String instanceId, int maxLines) {
        return Optional.empty();
    }

    // ---- mutations -----------------------------------------------------------------------

    /**
     * Checks a deploy request without changing anything: provider-specific input in
     * {@link CreateServerGroupRequest#spec()}, locations, load balancers. Throws on bad input.
     */
    void validate(CreateServerGroupRequest request);

    /**
     * The newest group of a cluster, when it already runs exactly what {@code request} asks for and the cloud
     * can tell (Kubernetes: its pod template is identical and it has the asked size): a deploy then reuses it
     * instead of creating a copy. Changes nothing. The default reuses nothing.
     *
     * @param newestFirst the cluster's groups, newest first
     */
    default java.util.Optional<String> reusable(CreateServerGroupRequest request, List<ServerGroup> newestFirst) {
        return java.util.Optional.empty();
    }

    /**
     * The spec that deploys a copy of a server group, in the form its deploy's {@code spec} took (what Spinnaker
     * clones from): a canary's baseline runs what production runs. Empty when the group is gone or the cloud
     * cannot tell. The copy may hold secrets as given (environment values): callers keep it in memory only.
     */
    default Optional<Map<String, Object>> deploySpec(String location, String name) {
        return Optional.empty();
    }

    /** How this cloud shares a load balancer's traffic between server groups; exact weights only where it says so. */
    default TrafficSplit trafficSplit() {
        return TrafficSplit.BY_INSTANCE_COUNT;
    }

    /**
     * Gives each named group exactly its percentage of every named load balancer's requests; the groups not named
     * share the rest as before. A weight of a destroyed group goes with it. Only for {@link TrafficSplit#WEIGHTS};
     * the default refuses with INVALID_INPUT naming {@code trafficPercent}.
     */
    default void weighTraffic(String location, List<String> loadBalancers, Map<String, Integer> percentByServerGroup) {
        throw io.clusterdeploy.engine.error.ClusterDeployException.invalid("trafficPercent", "account '"
                + account().name() + "' (" + account().provider() + ") cannot weight traffic between server groups; it "
                + "splits " + trafficSplit().description() + ": leave trafficPercent out");
    }

    /**
     * How many requests the group's instances answered through its load balancers from {@code from} to {@code to},
     * where the cloud counts them (the local load balancer does); empty where it cannot tell.
     */
    default OptionalLong requestsServed(String location, String name, Instant from, Instant to) {
        return OptionalLong.empty();
    }

    /**
     * Creates the named server group, enabled (associated with its load balancers; its
     * instances receive traffic once healthy). Fails with CONFLICT if the name exists; never
     * replaces an existing group.
     */
    ServerGroup createServerGroup(CreateServerGroupRequest request);

    /** Sets the capacity; the cloud then converges instances towards it. */
    ServerGroup resize(String location, String name, Capacity capacity);

    /** Puts the group's instances into the traffic of its load balancers. */
    ServerGroup enable(String location, String name);

    /**
     * Takes {@code percentage} (1–100) of the group's instances out of traffic, letting
     * in-flight requests finish; at 100 the group counts as disabled.
     */
    ServerGroup disable(String location, String name, int percentage);

    /** Deletes the group and its instances. Destroying a group that is gone is a no-op. */
    void destroy(String location, String name);

    /**
     * Checks a load balancer request without changing anything: its name and its provider settings
     * ({@link UpsertLoadBalancerRequest#spec()}: types, ranges, unknown keys). Throws on bad input.
     */
    void validate(UpsertLoadBalancerRequest request);

    /** Creates or updates a load balancer. Provider-specific settings travel in the request's spec. */
    LoadBalancer upsertLoadBalancer(UpsertLoadBalancerRequest request);

    /** Releases clients, threads and (for the local provider) processes. */
    @Override
    void close();

    /**
     * Lets go of the account without stopping what runs in it, as a crash would: a front end whose start
     * failed calls this, so that instances a provider adopted or launched are not killed for it and the
     * next start adopts them. Clouds that run instances themselves need nothing more than {@link #close()}.
     */
    default void release() {
        close();
    }
}
