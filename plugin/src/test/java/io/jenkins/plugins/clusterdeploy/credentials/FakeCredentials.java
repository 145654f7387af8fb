package io.jenkins.plugins.clusterdeploy.credentials;

import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.util.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** Credentials of each kind, as the credentials store would hand them out. */
final class FakeCredentials {
    private FakeCredentials() {
    }

    private abstract static class Base implements StandardCredentials {
        private static final long serialVersionUID = 1L;
        private final String id;

        Base(String id) {
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getDescription() {
            return "";
        }

        @Override
        public CredentialsScope getScope() {
            return CredentialsScope.GLOBAL;
        }

        @Override
        public CredentialsDescriptor getDescriptor() {
            throw new UnsupportedOperationException();
        }
    }

    static StringCredentials text(String id, String secret) {
        return new StringCredentialsImpl(id, secret);
    }

    private static final class StringCredentialsImpl extends Base implements StringCredentials {
        private static final long serialVersionUID = 1L;
        private final Secret secret;

        StringCredentialsImpl(String id, String secret) {
            super(id);
            this.secret = Secret.fromString(secret);
        }

        @Override
        public Secret getSecret() {
            return secret;
        }
    }

    static FileCredentials file(String id, byte[] content) {
        return new FileCredentialsImpl(id, content);
    }

    private static final class FileCredentialsImpl extends Base implements FileCredentials {
        private static final long serialVersionUID = 1L;
        private final byte[] content;

        FileCredentialsImpl(String id, byte[] content) {
            super(id);
            this.content = content;
        }

        @Override
        public String getFileName() {
            return "secret.txt";
        }

        @Override
        public InputStream getContent() throws IOException {
            if (content == null) {
                throw new IOException("gone");
            }
            return new ByteArrayInputStream(content);
        }
    }

    static StandardUsernamePasswordCredentials userPass(String id, String user, String password) {
        return new UserPassImpl(id, user, password);
    }

    private static final class UserPassImpl extends Base implements StandardUsernamePasswordCredentials {
        private static final long serialVersionUID = 1L;
        private final String user;
        private final Secret password;

        UserPassImpl(String id, String user, String password) {
            super(id);
            this.user = user;
            this.password = Secret.fromString(password);
        }

        @Override
        public String getUsername() {
            return user;
        }

        @Override
        public Secret getPassword() {
            return password;
        }
    }

    static StandardCredentials other(String id) {
        return new Base(id) {
            private static final long serialVersionUID = 1L;
        };
    }
}
