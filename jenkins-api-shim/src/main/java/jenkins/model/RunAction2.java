package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

/** Shim of {@code jenkins.model.RunAction2} (Jenkins 2.541.3). */
public interface RunAction2 extends Action {

    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
