package io.clusterdeploy.provider.local;

/** A routable instance and the statistics of the server group it belongs to. */
record Route(InstanceProcess instance, TrafficRecorder traffic) {
}
