package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.regions.Region;

/**
 * An AWS account's settings, checked field by field without touching the network. Errors name
 * {@code accounts[NAME].KEY}.
 *
 * @param regions                    the regions the account may touch: its locations
 * @param credentials                where the base credentials come from
 * @param assumeRole                 the role assumed on top of them, or null
 * @param endpoint                   one endpoint for every service (a private gateway, an emulator), or null
 * @param retries                    the retry policy's bounds
 * @param cacheRefresh               how often the whole cluster view is read again
 * @param serverGroupReadInterval    how old a cached server group may be when an operation reads it
 * @param deregistrationDelaySeconds the draining time of target groups the provider creates
 * @param maxInstancesPerServerGroup the largest capacity.max a deploy or resize may ask for
 */
public record AwsSettings(List<String> regions, CredentialsSource credentials, AssumeRole assumeRole, URI endpoint,
                          RetrySettings retries, Duration cacheRefresh, Duration serverGroupReadInterval,
                          int deregistrationDelaySeconds, int maxInstancesPerServerGroup) {

    static final String REGIONS = "regions";

    /** Refuses a capacity beyond the account's limit, naming {@code capacity.max}. */
    void checkCapacity(String accountName, int max) {
        if (max > maxInstancesPerServerGroup) {
            throw ClusterDeployException.invalid("capacity.max", "capacity.max " + max + " exceeds the limit of account '"
                    + accountName + "' (" + maxInstancesPerServerGroup + " instances per server group, its"
                    + " maxInstancesPerServerGroup)");
        }
    }
    static final String ENDPOINT = "endpoint";

    public static AwsSettings parse(String accountName, Map<String, Object> settings) {
        Fields f = new Fields("accounts[" + accountName + "]", settings);
        URI endpoint = endpoint(f);
        List<String> regions = regions(f, endpoint != null);
        CredentialsSource credentials = CredentialsSource.parse(f);
        AssumeRole role = AssumeRole.parse(f);
        RetrySettings retries = RetrySettings.parse(f);
        Fields cache = f.object("cache");
        int refresh = cache.optionalInt("refreshSeconds", 30, 1, 3600);
        int read = cache.optionalInt("serverGroupReadMillis", 2000, 0, 60_000);
        cache.rejectUnknown();
        int delay = f.optionalInt("deregistrationDelaySeconds", 300, 0, 3600);
        int max = f.optionalInt("maxInstancesPerServerGroup", 250, 1, 10_000);
        f.rejectUnknown();
        return new AwsSettings(regions, credentials, role, endpoint, retries, Duration.ofSeconds(refresh),
                Duration.ofMillis(read), delay, max);
    }

    private static List<String> regions(Fields f, boolean customEndpoint) {
        List<String> regions = f.optionalStringList(REGIONS);
        if (regions.isEmpty()) {
            throw ClusterDeployException.invalid(f.path(REGIONS), f.path(REGIONS)
                    + " is required: the regions this account may deploy to, e.g. [us-east-1]");
        }
        Set<String> known = new LinkedHashSet<>();
        Region.regions().forEach(r -> known.add(r.id()));
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < regions.size(); i++) {
            String region = regions.get(i);
            String at = f.path(REGIONS) + "[" + i + "]";
            // With an endpoint of its own (a private partition, an emulator) the SDK's region list need not know it.
            if (!customEndpoint && !known.contains(region)) {
                throw ClusterDeployException.invalid(at, at + ": unknown AWS region '" + region + "'");
            }
            if (!region.matches("[a-z0-9-]{1,32}")) {
                throw ClusterDeployException.invalid(at, at + ": '" + region + "' is not a region name");
            }
            if (!seen.add(region)) {
                throw ClusterDeployException.invalid(at, at + ": region '" + region + "' is listed twice");
            }
        }
        return List.copyOf(regions);
    }

    private static URI endpoint(Fields f) {
        String raw = f.optionalString(ENDPOINT, null);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(raw.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw ClusterDeployException.invalid(f.path(ENDPOINT), f.path(ENDPOINT)
                        + " must be an http or https URL without user, query or fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ClusterDeployException.invalid(f.path(ENDPOINT), f.path(ENDPOINT) + " is not a URL: " + e.getReason());
        }
    }
}
