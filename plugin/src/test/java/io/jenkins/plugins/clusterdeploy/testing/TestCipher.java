package io.jenkins.plugins.clusterdeploy.testing;

import io.jenkins.plugins.clusterdeploy.store.SecretCipher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A real cipher (AES-GCM, a random key per instance) standing for the controller's {@code Secret} key, which needs a
 * running Jenkins: values it seals are unreadable without its key, and another instance cannot open them.
 */
public final class TestCipher implements SecretCipher {
    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public TestCipher() {
        try {
            KeyGenerator g = KeyGenerator.getInstance("AES");
            g.init(128);
            key = g.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return "{" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv)
                    .put(sealed).array()) + "}";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<String> decrypt(String sealed) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(1, sealed.length() - 1));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return Optional.of(new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
