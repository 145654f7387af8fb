package io.clusterdeploy.engine.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerGroupNameParseTest {

    // An empty CSV column is null.
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "app,                              app,                 ,           ,                 ",
            "app-v000,                         app,                 ,           ,                 0",
            "app-v001,                         app,                 ,           ,                 1",
            "app-v999,                         app,                 ,           ,                 999",
            "app-v1000,                        app,                 ,           ,                 1000",
            "app-v1234,                        app,                 ,           ,                 1234",
            "app-v99999,                       app,                 ,           ,                 99999",
            "app-v999999,                      app,                 ,           ,                 999999",
            "app-stack,                        app,                 stack,      ,                 ",
            "app-stack-v003,                   app,                 stack,      ,                 3",
            "app--detail,                      app,                 ,           detail,           ",
            "app--detail-v004,                 app,                 ,           detail,           4",
            "app-stack-detail,                 app,                 stack,      detail,           ",
            "api-test-A-v406,                  api,                 test,       A,                406",
            "app-stack-some-long-detail-v001,  app,                 stack,      some-long-detail, 1",
            "discovery-us-east-1d,             discovery,           us,         east-1d,          ",
            "evcache-us-east-1d-0-v223,        evcache,             us,         east-1d-0,        223",
            "api-test-~A-v004,                 api,                 test,       ~A,               4",
            "api-test-^A-v004,                 api,                 test,       ^A,               4",
            "api--~A-v004,                     api,                 ,           ~A,               4",
            "api--^A,                          api,                 ,           ^A,               ",
            "app-stack-something-^1.0.0.0,     app,                 stack,      something-^1.0.0.0, ",
            "chukwa.collector_1-v889,          chukwa.collector_1,  ,           ,                 889",
            "App.Name_1-Stack_2.x-Det.ail_3,   App.Name_1,          Stack_2.x,  Det.ail_3,        ",
            "app---x,                          app,                 ,           -x,               ",
            "app-stack---x-v002,               app,                 stack,      --x,              2",
            "app-stack-x-,                     app,                 stack,      x-,               ",
    })
    void parsesValidNames(String name, String app, String stack, String detail, Integer sequence) {
        ServerGroupName parsed = ServerGroupName.parse(name);

        assertThat(parsed).isEqualTo(new ServerGroupName(app, stack, detail, sequence));
        assertThat(parsed.app()).isEqualTo(app);
        assertThat(parsed.stack()).isEqualTo(stack);
        assertThat(parsed.detail()).isEqualTo(detail);
        assertThat(parsed.sequence()).isEqualTo(sequence);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // 1, 2 or 7 digits are no push version: Frigga reads them as the stack or detail, and they are
            // not reserved there (the reserved push form is 3 to 6 digits at the end).
            "app-v1,                  app,  v1,       ,                ",
            "app-v12,                 app,  v12,      ,                ",
            "app-v1234567,            app,  v1234567, ,                ",
            "app-v0000001,            app,  v0000001, ,                ",
            "app-stack-v12,           app,  stack,    v12,             ",
            "app-stack-v1234567,      app,  stack,    v1234567,        ",
            "app-stack-x-v1234567,    app,  stack,    x-v1234567,      ",
            // A push form inside the detail but not at its end is not reserved.
            "app-stack-x-v123-y,      app,  stack,    x-v123-y,        ",
            "app-stack-x-v123-y-v007, app,  stack,    x-v123-y,        7",
    })
    void versionsWithTooFewOrTooManyDigitsAreNoSuffix(String name, String app, String stack, String detail,
            Integer sequence) {
        assertThat(ServerGroupName.parse(name)).isEqualTo(new ServerGroupName(app, stack, detail, sequence));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"app-stack-c0", "app-stack-C0us", "app-stack-xc0us", "app-stack-c0-x", "app-stack-c1us",
            "app-a0x", "app-b0x-e0y", "app-v0x"})
    void textThatOnlyLooksLikeALabeledVariableIsAccepted(String name) {
        assertThat(ServerGroupName.parse(name).format()).isEqualTo(name);
    }

    @Test
    void extraLeadingZerosInTheVersionAreAcceptedAndReadAsTheNumber() {
        assertThat(ServerGroupName.parse("app-v0001").sequence()).isEqualTo(1);
        assertThat(ServerGroupName.parse("app-v000001").sequence()).isEqualTo(1);
        assertThat(ServerGroupName.parse("app-stack-v00042").sequence()).isEqualTo(42);
    }

    @Test
    void onlyTheLastVersionIsTheSuffix() {
        assertThatThrownBy(() -> ServerGroupName.parse("app-v001-v002"))
                .isInstanceOf(ClusterDeployException.class)
                .hasMessageContaining("stack 'v001'")
                .hasMessageContaining("reserved");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void blankNameIsRequired(String name) {
        assertInvalid(name, "server group name is required");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "-v001                                            | application is required",
            "-app                                             | application is required",
            "--detail                                         | application is required",
            "app%27                                           | application 'app%27' may contain only",
            "app name                                         | application 'app name' may contain only",
            "äpp                                              | application 'äpp' may contain only",
            "app~x-v001                                       | application 'app~x' may contain only",
            "app^x                                            | application 'app^x' may contain only",
            "app/x                                            | application 'app/x' may contain only",
            "nccp-moviecontrol%27                             | stack 'moviecontrol%27' may contain only",
            "nccp-moviecontrol%27-v000                        | stack 'moviecontrol%27' may contain only",
            "nccp-moviecontrol%27-foo-chap-baseline           | stack 'moviecontrol%27' may contain only",
            "api-^test-A-v004                                 | stack '^test' may contain only",
            "api-~test-A-v004                                 | stack '~test' may contain only",
            "app-st ack                                       | stack 'st ack' may contain only",
            "nccp-moviecontrol-foo-hello$-chap-baseline-v000  | detail 'foo-hello$-chap-baseline' may contain only",
            "nccp-moviecontrol-foo-hello$-chap-baseline       | detail 'foo-hello$-chap-baseline' may contain only",
            "app-stack-de tail                                | detail 'de tail' may contain only",
            "app-stack-a/b                                    | detail 'a/b' may contain only",
            "app-stack-a_b:c-v001                             | detail 'a_b:c' may contain only",
    })
    void rejectsInvalidCharactersNamingThePart(String name, String message) {
        assertInvalid(name, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "appv123                      | application 'appv123' ends in a push version",
            "v001                         | application 'v001' ends in a push version",
            "appv123456-v001              | application 'appv123456' ends in a push version",
            "app-stackv001                | stack 'stackv001' ends in a push version",
            "app-stackv001-v002           | stack 'stackv001' ends in a push version",
            "app-stack-detailv12345-v001  | detail 'detailv12345' ends in a push version",
            "app-stack-foo-v123-v001      | detail 'foo-v123' ends in a push version",
            "app-stack-v000001-v002       | detail 'v000001' ends in a push version",
            "app--v1234-v002              | detail 'v1234' ends in a push version",
    })
    void rejectsAPushVersionAtTheEndOfAPart(String name, String message) {
        assertInvalid(name, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "c0us                                        | application 'c0us' contains a labeled variable",
            "app-d0prod                                  | stack 'd0prod' contains a labeled variable",
            "app-h0x-v001                                | stack 'h0x' contains a labeled variable",
            "app-stack-p0vizio                           | detail 'p0vizio' contains a labeled variable",
            "app-stack-r027                              | detail 'r027' contains a labeled variable",
            "app-stack-x-u0nccp                          | detail 'x-u0nccp' contains a labeled variable",
            "app-stack-x-w0A-y                           | detail 'x-w0A-y' contains a labeled variable",
            "app--z0useast1a-v003                        | detail 'z0useast1a' contains a labeled variable",
            "cass-nccpintegration-c0northamerica-d0prod  | detail 'c0northamerica-d0prod' contains a labeled variable",
            "cass-nccpintegration-random-junk-c0northamerica-d0prod-h0gamesystems-p0vizio-r027-u0nccp-w0A-z0useast1a-v003"
                    + " | detail 'random-junk-c0northamerica-d0prod-h0gamesystems-p0vizio-r027-u0nccp-w0A-z0useast1a'"
                    + " contains a labeled variable",
    })
    void rejectsLabeledVariables(String name, String message) {
        assertInvalid(name, message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"app-", "app--", "app---v003", "app--v001", "app-stack-", "app-stack--v001"})
    void rejectsAnEmptyTrailingPart(String name) {
        assertThatThrownBy(() -> ServerGroupName.parse(name))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                    assertThat(e.field()).isEqualTo("name");
                })
                .hasMessageContaining("'" + name + "'")
                .hasMessageContaining("empty part");
    }

    @Test
    void emptyTrailingPartSuggestsTheCanonicalName() {
        assertThatThrownBy(() -> ServerGroupName.parse("app-stack--v001"))
                .hasMessageContaining("did you mean 'app-stack'?");
    }

    @Test
    void lengthLimitLeavesRoomForTheLongestVersion() {
        String longest = "a".repeat(ServerGroupName.MAX_CLUSTER_NAME_LENGTH);

        assertThat(ServerGroupName.parse(longest).app()).isEqualTo(longest);
        assertThat(ServerGroupName.parse(longest + "-v999999").format()).hasSize(ServerGroupName.MAX_NAME_LENGTH);
        assertInvalid(longest + "b", "at most " + ServerGroupName.MAX_CLUSTER_NAME_LENGTH);
        assertInvalid("app-" + "s".repeat(ServerGroupName.MAX_CLUSTER_NAME_LENGTH) + "-v001", "characters long");
    }

    private static void assertInvalid(String name, String message) {
        assertThatThrownBy(() -> ServerGroupName.parse(name))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                    assertThat(e.field()).isEqualTo("name");
                })
                .hasMessageContaining(message);
    }
}
