package io.clusterdeploy.engine.deploy.canary;

import io.clusterdeploy.engine.deploy.CanarySettings;
import io.clusterdeploy.engine.deploy.DeployRequest;
import io.clusterdeploy.engine.naming.ServerGroupName;

/** The two groups a canary deploy provisions beside production: what each runs and what its cluster is called. */
public enum CanarySide {
    /** Production's artifact, fresh, so that it starts as the canary does. */
    BASELINE(CanarySettings.BASELINE, CanaryRecord.BASELINE),
    /** The new artifact. */
    CANARY(CanarySettings.CANARY, CanaryRecord.CANARY);

    private final String detailPart;
    private final String recordKey;

    CanarySide(String detailPart, String recordKey) {
        this.detailPart = detailPart;
        this.recordKey = recordKey;
    }

    /** {@code app-stack-baseline}, {@code app-stack-detail-canary}: production's cluster with the part appended. */
    public ServerGroupName cluster(DeployRequest request) {
        return request.cluster().withDetailAppended(detailPart);
    }

    String recordKey() {
        return recordKey;
    }

    /** As people read it: baseline, canary. */
    public String label() {
        return detailPart;
    }

    /** The tag that marks a group as a canary deploy's, with its side as the value. */
    public static final String TAG = "cluster-deploy/canary";
}
