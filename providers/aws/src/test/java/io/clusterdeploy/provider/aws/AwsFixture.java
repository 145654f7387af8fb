package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.conformance.ConformanceFixture;
import io.clusterdeploy.engine.conformance.TrafficProbe;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * An AWS account on moto, behind the counting, fault-injecting proxy, with the simulated data plane: what the
 * conformance suite and the other AWS tests run against.
 */
final class AwsFixture implements ConformanceFixture {
    static final String ACCOUNT = "aws-test";
    /** The test's secret store: references {@code test:NAME}. */
    static final SecretResolver SECRETS = (field, ref) -> {
        Map<String, String> store = Map.of("test:id", "testing", "test:secret", "testing");
        String v = store.get(ref);
        if (v == null) {
            throw ClusterDeployException.notFound(field, field + ": no secret " + ref);
        }
        return v.toCharArray();
    };
    private static final Pattern VERSION = Pattern.compile("\"version\":\"([^\"]+)\"");

    final MotoServer server;
    final MotoProxy proxy;
    final Moto moto;
    final DataPlane plane;
    final AwsProvider provider;
    final List<String> subnets;
    final String imageId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Integer> routerPorts = new ConcurrentHashMap<>();

    AwsFixture(MotoServer server) {
        this(server, Map.of());
    }

    /** @param overrides account settings replacing the defaults below (retries, cache ...) */
    AwsFixture(MotoServer server, Map<String, Object> overrides) {
        this(server, overrides, new Moto(server.endpoint()), SECRETS);
    }

    /**
     * @param moto    the clients the tests and the data plane look at moto with (an administrator when moto checks IAM)
     * @param secrets the provider's secrets
     */
    AwsFixture(MotoServer server, Map<String, Object> overrides, Moto moto, SecretResolver secrets) {
        this.server = server;
        try {
            this.proxy = new MotoProxy(server.endpoint());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.moto = moto;
        this.plane = new DataPlane(moto);
        proxy.hooks(plane);
        this.subnets = moto.ec2.describeSubnets(r -> r.filters(Filter.builder().name("default-for-az").values("true")
                .build())).subnets().stream().map(s -> s.subnetId()).sorted().limit(2).toList();
        this.imageId = moto.ec2.describeImages(r -> r.owners("amazon")).images().stream()
                .filter(i -> "x86_64".equals(i.architectureAsString())).map(Image::imageId).sorted().findFirst()
                .orElseThrow();
        this.provider = (AwsProvider) new AwsProviderFactory().create(ACCOUNT, settings(overrides), secrets);
    }

    Map<String, Object> settings(Map<String, Object> overrides) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("regions", List.of(Moto.REGION));
        s.put("endpoint", proxy.endpoint());
        s.put("credentials", Map.of("accessKeyId", "test:id", "secretAccessKey", "test:secret"));
        s.put("retries", Map.of("maxAttempts", 3, "baseDelayMillis", 20, "maxDelayMillis", 200,
                "throttlingBaseDelayMillis", 50));
        s.put("cache", Map.of("refreshSeconds", 5, "serverGroupReadMillis", 100));
        s.put("deregistrationDelaySeconds", 2);
        s.putAll(overrides);
        return s;
    }

    @Override
    public CloudProvider provider() {
        return provider;
    }

    @Override
    public String location() {
        return Moto.REGION;
    }

    /** The user data a real image would run: the data plane reads the version and flags from it. */
    static String userData(String version, boolean healthy) {
        return userData(version, healthy ? "" : "--never-healthy");
    }

    /** With the sample app's own flags, e.g. {@code --error-rate 0.5}. */
    static String userData(String version, String flags) {
        return "#!/bin/bash\n# Cluster Deploy sample app\nSAMPLE_APP_VERSION=" + version + "\n"
                + (flags.isEmpty() ? "" : "SAMPLE_APP_FLAGS=" + flags + "\n")
                + "exec /opt/sample-app/bin/hello --port 8080 --version \"$SAMPLE_APP_VERSION\" $SAMPLE_APP_FLAGS\n";
    }

    @Override
    public Map<String, Object> spec(String version, boolean healthy) {
        Map<String, Object> spec = new HashMap<>();
        spec.put("imageId", imageId);
        spec.put("instanceType", "t3.micro");
        spec.put("subnetIds", subnets);
        spec.put("userData", userData(version, healthy));
        spec.put("healthCheckGracePeriodSeconds", 0);
        spec.put("tags", Map.of("team", "conformance"));
        return spec;
    }

    @Override
    public Map<String, Object> loadBalancerSpec() {
        return Map.of("port", 8080, "protocol", "HTTP",
                "healthCheck", Map.of("path", "/health", "intervalSeconds", 5, "timeoutSeconds", 2,
                        "healthyThreshold", 2, "unhealthyThreshold", 2),
                "deregistrationDelaySeconds", 2,
                "loadBalancer", Map.of("subnetIds", subnets, "scheme", "internal",
                        "listeners", List.of(Map.of("port", 80, "protocol", "HTTP"))));
    }

    @Override
    public TrafficProbe.Answer probe(LoadBalancer lb) {
        Integer port = routerPorts.computeIfAbsent(lb.name(), n -> plane.routerFor(n).orElse(null));
        if (port == null) {
            return TrafficProbe.Answer.failure("no listener forwards to " + lb.name());
        }
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                return TrafficProbe.Answer.failure(r.statusCode() + " " + r.body());
            }
            Matcher m = VERSION.matcher(r.body());
            return TrafficProbe.Answer.success(m.find() ? m.group(1) : null);
        } catch (IOException e) {
            return TrafficProbe.Answer.failure(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TrafficProbe.Answer.failure("interrupted");
        }
    }

    @Override
    public boolean nothingLeftRunning(ServerGroup destroyed) {
        return plane.noneRunning(destroyed.instances().stream().map(Instance::id).toList());
    }

    @Override
    public void close() {
        try {
            provider.close();
        } finally {
            try {
                plane.close();
            } finally {
                proxy.close();
                moto.close();
            }
        }
    }
}
