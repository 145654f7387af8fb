package io.jenkins.plugins.clusterdeploy.progress;

import java.io.Serializable;

/** How much of an operation's timeline was already written to the build log (kept with the step execution). */
public final class LogCursor implements Serializable {
    private static final long serialVersionUID = 1L;

    int startsLogged;
    int endsLogged;
    boolean rollbackLogged;
    boolean finishLogged;

    public boolean isFinishLogged() {
        return finishLogged;
    }
}
