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
