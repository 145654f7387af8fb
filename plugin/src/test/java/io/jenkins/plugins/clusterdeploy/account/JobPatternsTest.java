package io.jenkins.plugins.clusterdeploy.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobPatternsTest {
    private static JobPatterns of(String... patterns) {
        return JobPatterns.parse("allowedJobs", List.of(patterns));
    }

    @Test
    void exactNamesMatchOnlyThemselves() {
        JobPatterns p = of("deploy-hello", "team-a/release");
        assertThat(p.matches("deploy-hello")).isTrue();
        assertThat(p.matches("team-a/release")).isTrue();
        assertThat(p.matches("deploy-hello2")).isFalse();
        assertThat(p.matches("x/deploy-hello")).isFalse();
        assertThat(p.matches(null)).isFalse();
    }

    @Test
    void singleStarStaysInOneFolderLevel() {
        JobPatterns p = of("team-a/*");
        assertThat(p.matches("team-a/deploy")).isTrue();
        assertThat(p.matches("team-a/sub/deploy")).isFalse();
        assertThat(p.matches("team-ab/deploy")).isFalse();
        assertThat(p.matches("team-a")).isFalse();
    }

    @Test
    void doubleStarCrossesLevels() {
        assertThat(of("team-a/**").matches("team-a/sub/deep/deploy")).isTrue();
        assertThat(of("team-a/**").matches("team-b/deploy")).isFalse();
        assertThat(of("**").matches("any/thing/at/all")).isTrue();
        assertThat(of("**/deploy-*").matches("x/y/deploy-prod")).isTrue();
    }

    @Test
    void questionMarkIsOneCharacterAndRegexCharactersAreLiteral() {
        assertThat(of("job?").matches("job1")).isTrue();
        assertThat(of("job?").matches("job/")).isFalse();
        assertThat(of("a.b+c").matches("a.b+c")).isTrue();
        assertThat(of("a.b+c").matches("aXb+c")).isFalse();
        assertThat(of("(x)[y]").matches("(x)[y]")).isTrue();
    }

    @Test
    void blankEntriesAreIgnoredAndPatternsStripped() {
        JobPatterns p = JobPatterns.parse("allowedJobs", Arrays.asList("", "  ", null, " deploy "));
        assertThat(p.patterns()).containsExactly("deploy");
        assertThat(p.matches("deploy")).isTrue();
        assertThat(JobPatterns.parse("allowedJobs", List.of(" ")).isEmpty()).isTrue();
        assertThat(JobPatterns.parse("allowedJobs", null).isEmpty()).isTrue();
    }

    @Test
    void malformedPatternsAreRefusedNamingTheirPosition() {
        assertThatThrownBy(() -> of("ok", "/leading")).isInstanceOf(ClusterDeployException.class)
                .hasMessageContaining("allowedJobs[1]")
                .satisfies(e -> assertThat(((ClusterDeployException) e).field()).isEqualTo("allowedJobs[1]"));
        assertThatThrownBy(() -> of("trailing/")).hasMessageContaining("allowedJobs[0]");
        assertThatThrownBy(() -> of("a//b")).hasMessageContaining("allowedJobs[0]");
        assertThatThrownBy(() -> of("bad\u0007")).hasMessageContaining("control characters");
    }
}
