package io.clusterdeploy.provider.kubernetes.cache;

/**
 * Orders resourceVersions. The API calls them opaque, but every API server (and the mock) hands out etcd revisions,
 * which only grow; where one is not a number the two are only compared for equality.
 */
public final class ResourceVersions {
    private ResourceVersions() {
    }

    /** True when {@code cached} is {@code written} or newer. */
    public static boolean atLeast(String cached, String written) {
        if (cached == null || written == null) {
            return cached != null && written == null;
        }
        if (cached.equals(written)) {
            return true;
        }
        try {
            return Long.parseLong(cached) >= Long.parseLong(written);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
