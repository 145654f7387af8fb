package io.clusterdeploy.engine.guard;

/**
 * What a traffic guard said of one change: how many enabled, up instances the guarded cluster has before
 * and would have after, and whether the change may go ahead.
 *
 * @param guard   the guard that covers the cluster
 * @param change  the change, e.g. {@code disabling hello-prod-v001}
 * @param before  enabled, up instances now
 * @param after   enabled, up instances after the change
 * @param allowed false when the change would leave a serving cluster with none
 */
public record GuardVerdict(TrafficGuard guard, String change, long before, long after, boolean allowed) {
}
