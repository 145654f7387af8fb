package io.jenkins.plugins.clusterdeploy.testing;

import hudson.model.Job;

/** A job in a folder: its full name is the folder's, then its own. */
public final class TestJob extends Job<TestJob, TestRun> {
    public TestJob(TestFolder folder, String name) {
        super(folder, name);
    }
}
