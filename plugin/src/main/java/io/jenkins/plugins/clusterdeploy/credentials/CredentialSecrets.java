package io.jenkins.plugins.clusterdeploy.credentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import io.clusterdeploy.engine.error.ClusterDeployException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The secret a credential carries, as characters: a secret text's text, a secret file's content (UTF-8), a
 * username/password's password. Errors name the credentials id and kind, never the secret.
 */
public final class CredentialSecrets {
    private static final int MAX_FILE_BYTES = 1 << 20;

    private CredentialSecrets() {
    }

    public static char[] secretOf(String field, StandardCredentials c) {
        if (c instanceof StringCredentials s) {
            return s.getSecret().getPlainText().toCharArray();
        }
        if (c instanceof StandardUsernamePasswordCredentials u) {
            return u.getPassword().getPlainText().toCharArray();
        }
        if (c instanceof FileCredentials f) {
            return fileContent(field, f);
        }
        throw ClusterDeployException.invalid(field, field + ": credentials '" + c.getId() + "' are of an unsupported kind ("
                + c.getClass().getSimpleName() + "); use Secret text, Secret file or Username with password");
    }

    private static char[] fileContent(String field, FileCredentials f) {
        byte[] bytes;
        try (InputStream in = f.getContent()) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw ClusterDeployException.invalid(field, field + ": cannot read secret file '" + f.getId() + "': "
                    + e.getClass().getSimpleName());
        }
        try {
            if (bytes.length > MAX_FILE_BYTES) {
                throw ClusterDeployException.invalid(field, field + ": secret file '" + f.getId()
                        + "' is larger than 1 MiB");
            }
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            char[] out = new char[chars.remaining()];
            chars.get(out);
            Arrays.fill(chars.array(), '\0');
            return out;
        } catch (CharacterCodingException e) {
            throw ClusterDeployException.invalid(field, field + ": secret file '" + f.getId() + "' is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
