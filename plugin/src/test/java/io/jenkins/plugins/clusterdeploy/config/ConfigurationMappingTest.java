package io.jenkins.plugins.clusterdeploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.guard.TrafficGuard;
import io.jenkins.plugins.clusterdeploy.account.AccountDefaults;
import io.jenkins.plugins.clusterdeploy.account.AccountSpec;
import io.jenkins.plugins.clusterdeploy.account.LocalAccount;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The global configuration as the engine and the policy get it, and the rules it must follow to be saved. */
class ConfigurationMappingTest {
    private static final AccountDefaults DEFAULTS = new AccountDefaults(Path.of("/home/cluster-deploy/accounts"));

    private static LocalAccount local(String name, boolean enabled, String... allowed) {
        LocalAccount a = new LocalAccount(name);
        a.setEnabled(enabled);
        a.setAllowedJobs(List.of(allowed));
        return a;
    }

    private static ClusterDeployConfiguration config(List<LocalAccount> accounts, List<TrafficGuardEntry> guards) {
        ClusterDeployConfiguration c = new ClusterDeployConfiguration();
        c.setAccounts(List.copyOf(accounts));
        c.setTrafficGuards(guards);
        return c;
    }

    @Test
    void accountsAndGuardsMapToPlainData() {
        TrafficGuardEntry guard = new TrafficGuardEntry(" local ", " hello-prod ");
        guard.setLocation(" ");
        EngineSpec spec = config(List.of(local("local", true, "team/*"), local("spare", false)), List.of(guard))
                .toEngineSpec(DEFAULTS);

        assertThat(spec.accounts()).containsExactly(
                new AccountSpec("local", "local", Map.of("stateDir", "/home/cluster-deploy/accounts/local"), null, true,
                        List.of("team/*"), true),
                new AccountSpec("spare", "local", Map.of("stateDir", "/home/cluster-deploy/accounts/spare"), null, false,
                        List.of(), true));
        assertThat(spec.guards()).containsExactly(new TrafficGuard("local", null, "hello-prod"));
        assertThat(spec.runningAccounts()).extracting(AccountSpec::name).containsExactly("local");
        assertThat(spec.runningGuards()).hasSize(1);
    }

    @Test
    void theEngineIsRebuiltOnlyForWhatItIsMadeOf() {
        LocalAccount a = local("local", true, "team/*");
        ClusterDeployConfiguration c = config(List.of(a), List.of());
        Object key = c.toEngineSpec(DEFAULTS).engineKey();

        a.setAllowedJobs(List.of("other/*"));
        assertThat(c.toEngineSpec(DEFAULTS).engineKey()).as("allowlists are the binding's business").isEqualTo(key);

        c.setTrafficGuards(List.of(new TrafficGuardEntry("local", "hello")));
        assertThat(c.toEngineSpec(DEFAULTS).engineKey()).isNotEqualTo(key);

        ClusterDeployConfiguration disabled = config(List.of(local("local", false, "team/*")), List.of());
        assertThat(disabled.toEngineSpec(DEFAULTS).engineKey()).isNotEqualTo(key);
    }

    @Test
    void aProtectedAccountIsMarkedInItsSpecAndRebuildsTheEngine() {
        LocalAccount a = local("local", true, "team/*");
        ClusterDeployConfiguration c = config(List.of(a), List.of());
        Object key = c.toEngineSpec(DEFAULTS).engineKey();
        assertThat(c.toEngineSpec(DEFAULTS).protectedAccounts()).isEmpty();
        a.setProtected(true);
        assertThat(a.isProtected()).isTrue();
        assertThat(c.toEngineSpec(DEFAULTS).accounts().get(0).protectedAccount()).isTrue();
        assertThat(c.toEngineSpec(DEFAULTS).protectedAccounts()).containsExactly("local");
        assertThat(c.toEngineSpec(DEFAULTS).engineKey()).isNotEqualTo(key);
    }

    @Test
    void rules() {
        assertThatCode(() -> config(List.of(local("local", true, "x")), List.of()).checkRules())
                .doesNotThrowAnyException();
        assertThatCode(() -> config(List.of(local("local", false)), List.of()).checkRules())
                .as("a disabled local account may wait for its allowlist").doesNotThrowAnyException();

        assertRefused(config(List.of(local("local", true)), List.of()), "accounts[local].allowedJobs",
                "runs processes on the Jenkins controller");
        assertRefused(config(List.of(local("a", false), local("a", false)), List.of()), "accounts[1].name",
                "defined twice");
        assertRefused(config(List.of(local("bad name", false)), List.of()), "accounts[0].name",
                "not a valid account name");
        assertRefused(config(List.of(local("local", true, "/x")), List.of()), "accounts[local].allowedJobs[0]", "");
        assertRefused(config(List.of(local("local", false)), List.of(new TrafficGuardEntry("other", "hello"))),
                "trafficGuards[0].account", "unknown account 'other'");
        assertRefused(config(List.of(local("local", false)), List.of(new TrafficGuardEntry("local", "hello-v001"))),
                "trafficGuards[0].cluster", "no version suffix");
    }

    private static void assertRefused(ClusterDeployConfiguration c, String field, String message) {
        assertThatThrownBy(c::checkRules).isInstanceOf(ClusterDeployException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((ClusterDeployException) e).field()).isEqualTo(field));
    }
}
