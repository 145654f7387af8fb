package io.jenkins.plugins.clusterdeploy.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may use which account from a build. */
class AccountPolicyTest {
    private static final AccountDefaults DEFAULTS = new AccountDefaults(Path.of("/jenkins/cluster-deploy/accounts"));

    private static AccountSpec local(String name, boolean enabled, String... allowed) {
        LocalAccount a = new LocalAccount(name);
        a.setEnabled(enabled);
        a.setAllowedJobs(List.of(allowed));
        return a.toSpec(DEFAULTS);
    }

    private static AccountSpec cloud(String name, String... allowed) {
        return new AccountSpec(name, "kubernetes", Map.of(), "kube-token", true, List.of(allowed), false);
    }

    private static ClusterDeployException refusal(AccountPolicy policy, String account, String job) {
        try {
            policy.checkUse(account, job);
        } catch (ClusterDeployException e) {
            return e;
        }
        throw new AssertionError("expected " + job + " to be refused " + account);
    }

    @Test
    void aLocalAccountIsDisabledByDefaultAndRefusesEveryone() {
        assertThat(new LocalAccount("local").isEnabled()).isFalse();
        AccountPolicy policy = new AccountPolicy(List.of(local("local", false, "**")));
        ClusterDeployException e = refusal(policy, "local", "deploy");
        assertThat(e.field()).isEqualTo("account");
        assertThat(e.getMessage()).contains("account 'local' is disabled")
                .contains("runs processes on the Jenkins controller").contains("an administrator must enable it");
    }

    @Test
    void anEnabledLocalAccountWithoutAllowlistLetsNobodyIn() {
        AccountPolicy policy = new AccountPolicy(List.of(local("local", true)));
        assertThat(refusal(policy, "local", "deploy").getMessage()).contains("has no allowed jobs, so no build may use it");
    }

    @Test
    void aLocalAccountLetsInOnlyTheJobsItsAllowlistMatches() {
        AccountPolicy policy = new AccountPolicy(List.of(local("local", true, "team-a/*", "release")));
        assertThatCode(() -> policy.checkUse("local", "team-a/deploy")).doesNotThrowAnyException();
        assertThatCode(() -> policy.checkUse("local", "release")).doesNotThrowAnyException();
        ClusterDeployException e = refusal(policy, "local", "team-b/deploy");
        assertThat(e.field()).isEqualTo("account");
        assertThat(e.getMessage()).isEqualTo("job 'team-b/deploy' may not use account 'local': it matches none of"
                + " the account's allowedJobs; ask an administrator to add it");
        assertThat(refusal(policy, "local", "team-a/sub/deploy")).isNotNull();
    }

    @Test
    void otherAccountsWithAnEmptyAllowlistLetEveryoneIn() {
        AccountPolicy policy = new AccountPolicy(List.of(cloud("prod"), cloud("staging", "team-a/**")));
        assertThatCode(() -> policy.checkUse("prod", "any/job")).doesNotThrowAnyException();
        assertThatCode(() -> policy.checkUse("staging", "team-a/x/y")).doesNotThrowAnyException();
        assertThat(refusal(policy, "staging", "team-b/x").getMessage()).contains("may not use account 'staging'");
    }

    @Test
    void unknownAndMissingAccountsAreNamed() {
        AccountPolicy policy = new AccountPolicy(List.of(cloud("prod")));
        ClusterDeployException unknown = refusal(policy, "nope", "job");
        assertThat(unknown.field()).isEqualTo("account");
        assertThat(unknown.getMessage()).contains("account 'nope' is not configured");
        assertThat(refusal(policy, null, "job").getMessage()).isEqualTo("account is required");
        assertThat(refusal(policy, " ", "job").getMessage()).isEqualTo("account is required");
    }

    @Test
    void aChangeRequestsBuildUsesALocalAccountOnlyWhenItsAllowlistNamesTheJob() {
        AccountPolicy policy = new AccountPolicy(List.of(
                local("local", true, "team-a/**", "team-a/app/PR-7", "team-a/app/PR-?", "team-a/app/PR-1*"),
                cloud("prod")));
        assertThatCode(() -> policy.checkUse("local", BuildOrigin.job("team-a/app/main"))).doesNotThrowAnyException();
        assertThatCode(() -> policy.checkUse("local", BuildOrigin.job("team-a/app/PR-8")))
                .as("the same job, were it no change request").doesNotThrowAnyException();
        assertThatCode(() -> policy.checkUse("local", new BuildOrigin("team-a/app/PR-7", true)))
                .as("named exactly").doesNotThrowAnyException();

        for (String job : List.of("team-a/app/PR-8", "team-a/app/PR-12", "team-a/app/main")) {
            ClusterDeployException e = null;
            try {
                policy.checkUse("local", new BuildOrigin(job, true));
            } catch (ClusterDeployException refused) {
                e = refused;
            }
            assertThat(e).as(job + " matches only through wildcards").isNotNull();
            assertThat(e.field()).isEqualTo("account");
            assertThat(e.getMessage()).contains("job '" + job + "' builds a change request")
                    .contains("runs processes on the Jenkins controller").contains("name that job exactly");
        }
        ClusterDeployException outside = null;
        try {
            policy.checkUse("local", new BuildOrigin("team-b/app/PR-1", true));
        } catch (ClusterDeployException refused) {
            outside = refused;
        }
        assertThat(outside).isNotNull();
        assertThat(outside.getMessage()).contains("matches none of the account's allowedJobs");

        assertThatCode(() -> policy.checkUse("prod", new BuildOrigin("team-b/app/PR-1", true)))
                .as("accounts that do not run on the controller keep their allowlist rules")
                .doesNotThrowAnyException();
    }

    @Test
    void onlyLocalAccountsRunOnTheController() {
        AccountPolicy policy = new AccountPolicy(List.of(local("local", false), cloud("prod")));
        assertThat(policy.runsOnController("local")).isTrue();
        assertThat(policy.runsOnController("prod")).isFalse();
        assertThat(policy.runsOnController("nope")).isFalse();
        assertThat(policy.runsOnController(null)).isFalse();
    }

    @Test
    void aJobOutsideAnyMultibranchProjectIsNoChangeRequest() {
        hudson.model.Job<?, ?> job = io.jenkins.plugins.clusterdeploy.testing.TestRun.of("team-a", "deploy").getParent();
        assertThat(ChangeRequests.isChangeRequest(job)).isFalse();
    }
}
