package io.jenkins.plugins.clusterdeploy.account;

/**
 * The build that asks to use an account: its job's full name, and whether that job builds a change request (a pull
 * or merge request of a multibranch project, whose Jenkinsfile anyone who can open one may edit).
 *
 * @param jobFullName   {@code folder/sub/job}
 * @param changeRequest true for a change request's job
 */
public record BuildOrigin(String jobFullName, boolean changeRequest) {

    /** A job that does not build a change request. */
    public static BuildOrigin job(String jobFullName) {
        return new BuildOrigin(jobFullName, false);
    }
}
