package jenkins.scm.api.mixin;

import edu.umd.cs.findbugs.annotations.NonNull;
import jenkins.scm.api.SCMHead;

/** Shim of {@code jenkins.scm.api.mixin.ChangeRequestSCMHead} (scm-api 728.vc30dcf7a_0df5): a pull/merge request. */
public interface ChangeRequestSCMHead extends SCMHeadMixin {
    @NonNull
    String getId();

    @NonNull
    SCMHead getTarget();
}
