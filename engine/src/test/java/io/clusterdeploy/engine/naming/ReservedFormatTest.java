package io.clusterdeploy.engine.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReservedFormatTest {

    @ParameterizedTest(name = "{0}")
    // Frigga's NameValidationSpec uses "v248" and "abcache-c0USA".
    @ValueSource(strings = {"v248", "v000", "v123456", "xv001", "x-v001", "x.v0001", "a-b-v00000", "v1v123"})
    void pushVersionAtTheEndIsReserved(String part) {
        assertThat(ReservedFormat.reason(part)).contains("push version");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"abcache-c0USA", "c0us", "d0prod", "h0x", "p00", "r027", "u0nccp", "w0A", "z0useast1a",
            "a-b-c0x", "c0x-tail", "x-z09-y", "c0x~"})
    void labeledVariableIsReserved(String part) {
        assertThat(ReservedFormat.reason(part)).contains("labeled variable");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hellojgritman", "v12", "v1234567", "v123a", "V123", "c0", "c0-", "c0-x", "C0us", "xc0us",
            "c1us", "a0x", "v0x", "c0_", "c0.x", "prod", "east-1d-0", "integration-240-CAN"})
    void otherTextIsNotReserved(String part) {
        assertThat(ReservedFormat.reason(part)).isNull();
    }
}
