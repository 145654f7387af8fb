package io.clusterdeploy.engine.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApplicationOfTest {

    @ParameterizedTest
    @CsvSource({
            "hello, hello",
            "hello-prod, hello",
            "hello-prod-v001, hello",
            "hello--canary-v000123, hello",
            "hello-v001, hello",
            "hello-prod-a-b-c, hello",
            "my.app_1-x, my.app_1",
            // Lenient like Frigga's parseName: names the strict parser refuses still have an application.
            "Bad~App-x, Bad~App",
            "-odd, ''",
    })
    void firstTokenOfTheClusterName(String name, String app) {
        assertThat(ServerGroupName.applicationOf(name)).isEqualTo(app);
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL", "''", "'  '"}, nullValues = "NULL")
    void nothingForNoName(String name) {
        assertThat(ServerGroupName.applicationOf(name)).isNull();
    }
}
