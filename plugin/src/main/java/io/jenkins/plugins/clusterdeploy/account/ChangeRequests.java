package io.jenkins.plugins.clusterdeploy.account;

import hudson.model.Item;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.mixin.ChangeRequestSCMHead;

/**
 * Whether a job builds a change request, found as Jenkins finds it: scm-api's {@code SCMHead.HeadByItem.findHead}
 * asks the multibranch projects (branch-api's {@code BranchProjectFactory.HeadByItemImpl}) for the job's head, and
 * a pull or merge request's head is a {@link ChangeRequestSCMHead}. A job outside any multibranch project has no
 * head.
 */
public final class ChangeRequests {
    private ChangeRequests() {
    }

    public static boolean isChangeRequest(Item job) {
        return SCMHead.HeadByItem.findHead(job) instanceof ChangeRequestSCMHead;
    }
}
