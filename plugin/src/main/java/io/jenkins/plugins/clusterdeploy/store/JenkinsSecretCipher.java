package io.jenkins.plugins.clusterdeploy.store;

import hudson.util.Secret;
import java.util.Optional;

/**
 * Jenkins' own encryption, the one {@code Secret} fields in {@code config.xml} use: the key lives in
 * {@code JENKINS_HOME/secrets/}, so a copy of {@code cluster-deploy/operations/} alone reveals nothing.
 */
public final class JenkinsSecretCipher implements SecretCipher {
    @Override
    public String encrypt(String plain) {
        return Secret.fromString(plain).getEncryptedValue();
    }

    @Override
    public Optional<String> decrypt(String sealed) {
        Secret s = Secret.decrypt(sealed);
        return s == null ? Optional.empty() : Optional.of(s.getPlainText());
    }
}
