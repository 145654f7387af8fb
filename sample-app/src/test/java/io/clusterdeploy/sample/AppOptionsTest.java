package io.clusterdeploy.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AppOptionsTest {

    @Test
    void defaultsAndBothFlagForms() {
        AppOptions options = AppOptions.parse("--port=8080", "--instance-id", "x-1", "--latency-ms", "20");
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.version()).isEqualTo("v1");
        assertThat(options.instanceId()).isEqualTo("x-1");
        assertThat(options.errorRate()).isZero();
        assertThat(options.latencyMs()).isEqualTo(20);
        assertThat(options.neverHealthy()).isFalse();
        assertThat(options.healthPath()).isEqualTo("/health");
        assertThat(options.idleTimeoutSeconds()).isZero();
        assertThat(options.maxIdleConnections()).isZero();
    }

    @Test
    void connectionLimits() {
        AppOptions options = AppOptions.parse("--port", "1", "--idle-timeout-seconds", "2", "--max-idle-connections=3");
        assertThat(options.idleTimeoutSeconds()).isEqualTo(2);
        assertThat(options.maxIdleConnections()).isEqualTo(3);
        assertThatThrownBy(() -> AppOptions.parse("--port", "1", "--idle-timeout-seconds", "-1"))
                .hasMessageContaining("--idle-timeout-seconds");
        assertThatThrownBy(() -> AppOptions.parse("--port", "1", "--idle-timeout-seconds", "0.5"))
                .hasMessageContaining("--idle-timeout-seconds must be a whole number");
        assertThatThrownBy(() -> AppOptions.parse("--port", "1", "--max-idle-connections", "-2"))
                .hasMessageContaining("--max-idle-connections");
    }

    @Test
    void badFlagsNameTheFlag() {
        assertThatThrownBy(() -> AppOptions.parse()).isInstanceOf(UsageException.class).hasMessageContaining("--port");
        assertThatThrownBy(() -> AppOptions.parse("--port", "x")).hasMessageContaining("--port");
        assertThatThrownBy(() -> AppOptions.parse("--port", "70000")).hasMessageContaining("--port");
        assertThatThrownBy(() -> AppOptions.parse("--port", "1", "--error-rate", "1.5")).hasMessageContaining("--error-rate");
        assertThatThrownBy(() -> AppOptions.parse("--port", "1", "--error-rate", "NaN")).hasMessageContaining("--error-rate");
        assertThatThrownBy(() -> AppOptions.parse("--port", "1", "--latency-ms", "-1")).hasMessageContaining("--latency-ms");
        assertThatThrownBy(() -> AppOptions.parse("--port", "1", "--health-path", "health")).hasMessageContaining("--health-path");
        assertThatThrownBy(() -> AppOptions.parse("--port", "1", "--version")).hasMessageContaining("--version needs a value");
        assertThatThrownBy(() -> AppOptions.parse("--port", "1", "--colour", "red")).hasMessageContaining("--colour");
    }
}
