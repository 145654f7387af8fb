package io.jenkins.plugins.clusterdeploy.store;

import java.util.Optional;

/** Encrypts the secret values of stored operations. In Jenkins it is the controller's {@code Secret} key. */
public interface SecretCipher {

    /** The encrypted, printable form of {@code plain}. */
    String encrypt(String plain);

    /** The plain text of {@code sealed}; empty when this key cannot decrypt it (another controller's, or damaged). */
    Optional<String> decrypt(String sealed);
}
