package io.clusterdeploy.provider.aws;

/** The tags the provider writes on Auto Scaling groups: the moniker, and the token that makes a create adoptable. */
final class AwsTags {
    static final String PREFIX = "cluster-deploy/";
    static final String APPLICATION = PREFIX + "moniker/application";
    static final String CLUSTER = PREFIX + "moniker/cluster";
    static final String STACK = PREFIX + "moniker/stack";
    static final String DETAIL = PREFIX + "moniker/detail";
    static final String SEQUENCE = PREFIX + "moniker/sequence";
    /** Unique per create call: an answer lost on the way back is recognised by it, and the group adopted. */
    static final String CREATE_TOKEN = PREFIX + "create-token";

    private AwsTags() {
    }

    /** Tags the provider owns and does not show among a group's free-form tags. */
    static boolean internal(String key) {
        return key.startsWith(PREFIX + "moniker/") || key.equals(CREATE_TOKEN) || key.startsWith("aws:");
    }
}
