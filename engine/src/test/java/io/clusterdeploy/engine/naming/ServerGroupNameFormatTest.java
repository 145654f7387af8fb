package io.clusterdeploy.engine.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.Moniker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerGroupNameFormatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0,      app-prod-v000",
            "5,      app-prod-v005",
            "42,     app-prod-v042",
            "999,    app-prod-v999",
            "1000,   app-prod-v1000",
            "1234,   app-prod-v1234",
            "999999, app-prod-v999999",
    })
    void formatsTheSequenceWithAtLeastThreeDigits(int sequence, String expected) {
        ServerGroupName name = ServerGroupName.cluster("app", "prod", null).withSequence(sequence);

        assertThat(name.format()).isEqualTo(expected);
        assertThat(name.toString()).isEqualTo(expected);
        assertThat(name.clusterName()).isEqualTo("app-prod");
    }

    @Test
    void unversionedNameIsTheClusterName() {
        ServerGroupName name = ServerGroupName.cluster("app", null, "canary");

        assertThat(name.format()).isEqualTo("app--canary");
        assertThat(name.toString()).isEqualTo("app--canary");
    }

    @Test
    void withSequenceReturnsANewNameAndKeepsTheOriginal() {
        ServerGroupName cluster = ServerGroupName.cluster("app", "prod", "x");

        ServerGroupName versioned = cluster.withSequence(7);

        assertThat(versioned).isEqualTo(new ServerGroupName("app", "prod", "x", 7));
        assertThat(cluster.sequence()).isNull();
        assertThat(versioned.withSequence(8).format()).isEqualTo("app-prod-x-v008");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, Integer.MIN_VALUE, 1_000_000, Integer.MAX_VALUE})
    void sequenceOutOfRangeIsRejected(int sequence) {
        ServerGroupName cluster = ServerGroupName.cluster("app", null, null);

        assertThatThrownBy(() -> cluster.withSequence(sequence))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                    assertThat(e.field()).isEqualTo("sequence");
                })
                .hasMessageContaining("between 0 and 999999");
        assertThatThrownBy(() -> new ServerGroupName("app", null, null, sequence))
                .isInstanceOf(ClusterDeployException.class);
    }

    @Test
    void longestClusterWithLongestSequenceFitsTheLimit() {
        ServerGroupName name = ServerGroupName.cluster("a".repeat(ServerGroupName.MAX_CLUSTER_NAME_LENGTH), null, null)
                .withSequence(ServerGroupName.MAX_SEQUENCE);

        assertThat(name.format()).hasSize(ServerGroupName.MAX_NAME_LENGTH).endsWith("-v999999");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"app", "app-v000", "app-v999", "app-v1234", "app-v999999", "app-stack", "app--detail",
            "app--detail-v010", "app-stack-detail", "app-stack-a-b-c-v001", "api-test-~A-v004", "api--^A",
            "App.x_1-S.y_2-D.z_3-v123", "app-v12", "app-v1234567", "app---x", "app-stack-x-"})
    void parseThenFormatGivesTheSameName(String name) {
        assertThat(ServerGroupName.parse(name).format()).isEqualTo(name);
        assertThat(ServerGroupName.parse(name).toString()).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}/{1}/{2}/{3}")
    @CsvSource({
            "app, ,      ,          ",
            "app, ,      ,         0",
            "app, prod,  ,        17",
            "app, ,      canary,  999",
            "app, prod,  a-b~c^d, 1000",
            "app, v12,   -x-,     123456",
    })
    void formatThenParseGivesTheSameParts(String app, String stack, String detail, Integer sequence) {
        ServerGroupName name = new ServerGroupName(app, stack, detail, sequence);

        assertThat(ServerGroupName.parse(name.format())).isEqualTo(name);
    }

    @Test
    void extraLeadingZerosAreDroppedWhenFormatting() {
        assertThat(ServerGroupName.parse("app-v0001").format()).isEqualTo("app-v001");
        assertThat(ServerGroupName.parse("app-v000999").format()).isEqualTo("app-v999");
        assertThat(ServerGroupName.parse("app-v001000").format()).isEqualTo("app-v1000");
    }

    @Test
    void monikerHoldsAllParts() {
        Moniker moniker = ServerGroupName.parse("app-prod-canary-x-v012").moniker();

        assertThat(moniker).isEqualTo(new Moniker("app", "app-prod-canary-x", "prod", "canary-x", 12));
    }

    @Test
    void monikerOfAClusterNameHasNoSequenceAndNullAbsentParts() {
        Moniker moniker = ServerGroupName.cluster("app", "", "canary").moniker();

        assertThat(moniker).isEqualTo(new Moniker("app", "app--canary", null, "canary", null));
    }
}
