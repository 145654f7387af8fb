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

class ServerGroupNameClusterTest {

    // Empty CSV column = null, '' = empty string; both mean "absent".
    @ParameterizedTest(name = "{0}/{1}/{2} -> {3}")
    @CsvSource({
            "app,        ,       ,             app",
            "app,        '',     '',           app",
            "app,        stack,  ,             app-stack",
            "app,        stack,  '',           app-stack",
            "app,        ,       detail,       app--detail",
            "app,        '',     detail,       app--detail",
            "app,        stack,  detail,       app-stack-detail",
            "app,        stack,  a-b-c,        app-stack-a-b-c",
            "app,        ,       ~x^y,         app--~x^y",
            "my.app_1,   s.t_2,  d.e_3~^-,     my.app_1-s.t_2-d.e_3~^-",
            "APP,        Prod,   Canary,       APP-Prod-Canary",
            "app,        v12,    v1234567,     app-v12-v1234567",
    })
    void buildsTheClusterName(String app, String stack, String detail, String clusterName) {
        ServerGroupName name = ServerGroupName.cluster(app, stack, detail);

        assertThat(name.clusterName()).isEqualTo(clusterName);
        assertThat(name.format()).isEqualTo(clusterName);
        assertThat(name.sequence()).isNull();
    }

    @Test
    void emptyPartsAreStoredAsAbsent() {
        ServerGroupName name = ServerGroupName.cluster("app", "", "");

        assertThat(name.stack()).isNull();
        assertThat(name.detail()).isNull();
        assertThat(name).isEqualTo(new ServerGroupName("app", null, null, null));
    }

    @Test
    void keepsThePartsAsGiven() {
        ServerGroupName name = ServerGroupName.cluster("app", "prod", "canary-1");

        assertThat(name.app()).isEqualTo("app");
        assertThat(name.stack()).isEqualTo("prod");
        assertThat(name.detail()).isEqualTo("canary-1");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void applicationIsRequired(String app) {
        assertInvalid(() -> ServerGroupName.cluster(app, "stack", "detail"), "application", "application is required");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a-b", "a b", "a~b", "a^b", "a/b", "a$b", "a%27", "é", "a\nb", " app"})
    void applicationAllowsOnlyLettersDigitsDotAndUnderscore(String app) {
        assertInvalid(() -> ServerGroupName.cluster(app, null, null), "application", "may contain only letters, digits");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a-b", "a b", "a~b", "a^b", "a/b", "a#b", "-"})
    void stackAllowsOnlyLettersDigitsDotAndUnderscore(String stack) {
        assertInvalid(() -> ServerGroupName.cluster("app", stack, null), "stack", "may contain only letters, digits");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a b", "a$b", "a/b", "a#b", "a:b", "a%b", "a\tb", "a*b"})
    void detailAllowsOnlyLettersDigitsDotUnderscoreTildeCaretAndHyphen(String detail) {
        assertInvalid(() -> ServerGroupName.cluster("app", "stack", detail), "detail",
                "may contain only letters, digits, '.', '_', '~', '^' and '-'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v000", "v123", "v999999", "appv001", "app.v1234", "x_v00000"})
    void applicationEndingInAPushVersionIsReserved(String app) {
        assertInvalid(() -> ServerGroupName.cluster(app, null, null), "application", "reserved");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v000", "v001", "prodv123", "prod.v12345", "v123456"})
    void stackEndingInAPushVersionIsReserved(String stack) {
        // Without this, app-v001 would read back as app with sequence 1.
        assertInvalid(() -> ServerGroupName.cluster("app", stack, null), "stack", "ends in a push version");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v001", "x-v001", "canary-v123456", "xv1234", "a-b-v00000"})
    void detailEndingInAPushVersionIsReserved(String detail) {
        assertInvalid(() -> ServerGroupName.cluster("app", "stack", detail), "detail", "ends in a push version");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v1", "v12", "v1234567", "V123", "v123x", "v12a3"})
    void pushLookalikesThatFriggaDoesNotReserveAreAllowed(String part) {
        assertThat(ServerGroupName.cluster(part, part, part).clusterName()).isEqualTo(part + "-" + part + "-" + part);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(chars = {'c', 'd', 'h', 'p', 'r', 'u', 'w', 'z'})
    void everyLabeledVariableIsReservedInEveryPart(char label) {
        String variable = label + "0x";

        assertInvalid(() -> ServerGroupName.cluster(variable, null, null), "application", "labeled variable");
        assertInvalid(() -> ServerGroupName.cluster("app", variable, null), "stack", "labeled variable");
        assertInvalid(() -> ServerGroupName.cluster("app", null, variable), "detail", "labeled variable");
        assertInvalid(() -> ServerGroupName.cluster("app", null, "canary-" + variable + "-1"), "detail",
                "labeled variable");
        assertInvalid(() -> ServerGroupName.cluster("app", variable + "_more", null), "stack", "labeled variable");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(chars = {'a', 'b', 'e', 'f', 'g', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'q', 's', 't', 'v', 'x', 'y'})
    void otherLettersBeforeZeroAreNoLabel(char letter) {
        String part = letter + "0x";

        assertThat(ServerGroupName.cluster(part, part, "a-" + part).clusterName())
                .isEqualTo(part + "-" + part + "-a-" + part);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"c0", "C0us", "xc0us", "c1us", "c0-x", "c0_"})
    void labeledLookalikesAreAllowedInTheDetail(String detail) {
        // A label needs lower case, the separator 0, then a letter or digit, at the start or after a hyphen.
        assertThat(ServerGroupName.cluster("app", null, detail).detail()).isEqualTo(detail);
    }

    @Test
    void reservedMessageSaysTheFormIsReserved() {
        assertThatThrownBy(() -> ServerGroupName.cluster("app", "v001", null))
                .hasMessage("stack 'v001' ends in a push version like v123, a form reserved for the server group"
                        + " sequence");
    }

    @Test
    void charactersAreCheckedBeforeReservedForms() {
        assertInvalid(() -> ServerGroupName.cluster("app", "a b-v001", null), "stack", "may contain only");
    }

    @Test
    void firstInvalidPartIsReported() {
        assertInvalid(() -> ServerGroupName.cluster("a b", "c d", "e f"), "application", "application 'a b'");
        assertInvalid(() -> ServerGroupName.cluster("ab", "c d", "e f"), "stack", "stack 'c d'");
    }

    @Test
    void clusterNameLengthIsLimited() {
        int max = ServerGroupName.MAX_CLUSTER_NAME_LENGTH;
        assertThat(max).isEqualTo(247);

        assertThat(ServerGroupName.cluster("a".repeat(max), null, null).clusterName()).hasSize(max);
        assertThat(ServerGroupName.cluster("a", "b", "c".repeat(max - 4)).clusterName()).hasSize(max);
        assertInvalid(() -> ServerGroupName.cluster("a", "b", "c".repeat(max - 3)), "name",
                "cluster name is 248 characters long; at most 247");
    }

    private static void assertInvalid(Runnable build, String field, String message) {
        assertThatThrownBy(build::run)
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                    assertThat(e.field()).isEqualTo(field);
                })
                .hasMessageContaining(message);
    }
}
