package io.jenkins.plugins.clusterdeploy.testing;

import hudson.model.Run;
import java.io.IOException;

/** A build of a {@link TestJob}: holds its actions as the real one does. */
public final class TestRun extends Run<TestJob, TestRun> {
    public TestRun(TestJob job) throws IOException {
        super(job);
    }

    /** As core builds it ({@code job#number}); every test build is number 1. */
    @Override
    public String getExternalizableId() {
        return getParent().getFullName() + "#1";
    }

    /** A build of {@code folder/job}. */
    public static TestRun of(String folder, String job) {
        try {
            return new TestRun(new TestJob(new TestFolder(folder), job));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
