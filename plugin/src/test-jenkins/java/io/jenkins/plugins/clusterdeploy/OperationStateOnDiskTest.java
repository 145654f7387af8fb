package io.jenkins.plugins.clusterdeploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.jenkins.plugins.clusterdeploy.store.JenkinsSecretCipher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * What a deploy leaves under JENKINS_HOME: operation files whose secret values are encrypted with the controller's
 * Secret key, in directories only the controller's user can enter; and a build summary linking to its application.
 */
@WithJenkins
class OperationStateOnDiskTest {

    @Test
    void theControllersKeySealsAndOpens(JenkinsRule j) {
        JenkinsSecretCipher cipher = new JenkinsSecretCipher();
        String sealed = cipher.encrypt("hunter2");
        assertThat(sealed, not(containsString("hunter2")));
        assertThat(cipher.decrypt(sealed).orElseThrow(), is("hunter2"));
        assertThat(cipher.decrypt("{not-a-secret}").isPresent(), is(false));
    }

    @Test
    void aDeploysSecretsAreNotOnDiskInPlainText(JenkinsRule j) throws Exception {
        int port = SampleAppScript.freePort();
        LocalAccounts.configure(true, "deploy-hello");
        String spec = SampleAppScript.spec("v1");
        spec = spec.substring(0, spec.length() - 1) + ", env: [DB_PASSWORD: 'hunter2']]";
        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy-hello");
        p.setDefinition(new CpsFlowDefinition(
                "upsertLoadBalancer account: 'local', name: 'hello-prod', spec: [port: " + port + "]\n"
                + "deployServerGroup account: 'local', application: 'hello', stack: 'prod',"
                + " capacity: [min: 1, desired: 1, max: 1], loadBalancers: ['hello-prod'], spec: " + spec + "\n", true));
        WorkflowRun b = j.buildAndAssertSuccess(p);

        Path root = j.jenkins.getRootDir().toPath().resolve("cluster-deploy");
        for (Path dir : List.of(root, root.resolve("operations"), root.resolve("accounts"))) {
            assertThat(dir.toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)),
                    is("rwx------"));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(root.resolve("operations"))) {
            files = s.toList();
        }
        assertThat(files.size(), is(2));
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            assertThat(f.toString(), text, not(containsString("hunter2")));
        }
        assertThat(files.stream().anyMatch(f -> {
            try {
                return Files.readString(f, StandardCharsets.UTF_8).contains("$sealed");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }), is(true));

        String summary = j.createWebClient().getPage(b).getWebResponse().getContentAsString();
        assertThat(summary, containsString("cluster-deploy/?app=hello"));
    }
}
