package io.clusterdeploy.engine.operation;

/**
 * Names of the context values operations report what they touched under. Front ends (the build
 * summary, the demo report) read them, so they are one contract for every operation.
 */
public final class ContextKeys {
    public static final String NEW_SERVER_GROUP = "newServerGroup";
    /** A deploy: the groups of the cluster that were enabled before it, as they were (what a rollback restores). */
    public static final String PREVIOUS = "previousServerGroups";
    public static final String ENABLED = "enabledServerGroups";
    public static final String DISABLED = "disabledServerGroups";
    public static final String RESIZED = "resizedServerGroups";
    public static final String SCALED_DOWN = "scaledDownServerGroups";
    public static final String DESTROYED = "destroyedServerGroups";
    /**
     * A canary deploy: its record ({@code production}, {@code baseline}, {@code canary} groups, {@code traffic},
     * {@code analysis}, {@code intervals}, {@code report}, {@code decision}); see {@code deploy.canary.CanaryRecord}.
     */
    public static final String CANARY = "canary";

    private ContextKeys() {
    }
}
