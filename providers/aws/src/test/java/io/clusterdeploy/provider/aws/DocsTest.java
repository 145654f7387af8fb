package io.clusterdeploy.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/aws.md shows the IAM policy the tests run with, not a copy that drifted from it. */
class DocsTest {
    @Test
    void theDocumentedPolicyIsThePolicyFile() throws Exception {
        String doc = Files.readString(Path.of("..", "..", "docs", "aws.md"));
        assertThat(doc).contains(CredentialsTest.documentedPolicy().strip());
    }
}
