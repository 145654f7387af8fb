package io.jenkins.plugins.clusterdeploy.testing;

import hudson.EnvVars;

/** What a Pipeline block does, in a test: it sees the environment the step gives it, and may fail. */
@FunctionalInterface
public interface FakeBody {
    Object run(EnvVars env) throws Exception;
}
