package io.clusterdeploy.provider.kubernetes;

import io.clusterdeploy.engine.conformance.ConformanceFixture;
import io.clusterdeploy.engine.conformance.TrafficProbe;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.clusterdeploy.provider.kubernetes.sim.SampleApp;
import io.clusterdeploy.provider.kubernetes.sim.SimCluster;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The conformance fixture on the simulated cluster: the provider reaches the mock through the fault proxy. */
class KubernetesFixture implements ConformanceFixture {
    static final String NAMESPACE = "prod";
    static final String TOKEN_REF = "env:SIM_TOKEN";
    static final SecretResolver SECRETS = (field, reference) -> {
        if (!TOKEN_REF.equals(reference)) {
            throw io.clusterdeploy.engine.error.ClusterDeployException.notFound(field, field + ": no secret " + reference);
        }
        return "sim-token-0123456789".toCharArray();
    };

    final SimCluster cluster;
    final KubernetesProvider provider;
    private final Http http = new Http();

    KubernetesFixture(Duration propagationDelay, int endpointPropagationSeconds) {
        cluster = SimCluster.running(List.of(NAMESPACE), propagationDelay);
        try {
            provider = (KubernetesProvider) new KubernetesProviderFactory().create("k8s",
                    settings(cluster, endpointPropagationSeconds), SECRETS);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    static Map<String, Object> settings(SimCluster cluster, int endpointPropagationSeconds) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("server", cluster.apiUrl());
        s.put("token", TOKEN_REF);
        s.put("namespaces", List.of(NAMESPACE));
        s.put("endpointPropagationSeconds", endpointPropagationSeconds);
        s.put("requestRetryBackoffMillis", 50);
        s.put("requestRetries", 6);
        return s;
    }

    @Override
    public CloudProvider provider() {
        return provider;
    }

    @Override
    public String location() {
        return NAMESPACE;
    }

    @Override
    public Map<String, Object> spec(String version, boolean healthy) {
        return Map.of("podTemplate", SampleApp.podTemplate(version, healthy));
    }

    @Override
    public Map<String, Object> loadBalancerSpec() {
        return Map.of("port", 80, "targetPort", "http");
    }

    @Override
    public TrafficProbe.Answer probe(LoadBalancer loadBalancer) {
        return http.get(cluster.serviceAddress(NAMESPACE, loadBalancer.name()).orElse(null));
    }

    @Override
    public boolean nothingLeftRunning(ServerGroup destroyed) {
        return destroyed.instances().stream().map(Instance::id).noneMatch(pod -> cluster.podRunning(NAMESPACE, pod));
    }

    @Override
    public int deployTimeoutSec() {
        return 180;
    }

    @Override
    public void close() {
        try {
            provider.close();
        } finally {
            cluster.close();
        }
    }
}
