package jenkins.scm.api.mixin;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;
import jenkins.scm.api.SCMHead;

/** Shim of {@code jenkins.scm.api.mixin.SCMHeadMixin} (scm-api 728.vc30dcf7a_0df5): {@code getOrigin} omitted. */
public interface SCMHeadMixin extends Comparable<SCMHead>, Serializable {
    @NonNull
    String getName();
}
