package io.jenkins.plugins.clusterdeploy.testing;

import hudson.model.Item;
import hudson.model.ItemGroup;
import java.io.File;

/** A folder (item group) whose full name is given: the root of the test jobs' full names. */
public final class TestFolder implements ItemGroup<Item> {
    private final String fullName;

    public TestFolder(String fullName) {
        this.fullName = fullName;
    }

    @Override
    public String getFullName() {
        return fullName;
    }

    @Override
    public String getFullDisplayName() {
        return fullName;
    }

    @Override
    public String getDisplayName() {
        return fullName;
    }

    @Override
    public File getRootDir() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void save() {
        throw new UnsupportedOperationException();
    }
}
