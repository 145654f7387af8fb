package io.jenkins.plugins.clusterdeploy.credentials;

import io.clusterdeploy.engine.provider.SecretResolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Wraps a {@link SecretResolver} for the duration of one provider start and remembers what it handed out, so that
 * an error the provider raises can be shown without the secret (a provider may echo a rejected token). Lives only
 * as long as that start: nothing is kept afterwards.
 */
public final class SecretScrubber implements SecretResolver {
    static final String MASK = "****";
    private static final int SHORTEST_MASKED = 3;

    private final SecretResolver delegate;
    private final List<String> handedOut = new ArrayList<>();

    public SecretScrubber(SecretResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public char[] resolve(String field, String reference) {
        char[] secret = delegate.resolve(field, reference);
        String text = new String(secret);
        handedOut.add(text);
        // Each line on its own too: a secret file's lines may show up separately in a message.
        for (String line : text.split("\\R")) {
            handedOut.add(line.strip());
        }
        return secret;
    }

    /** Objects carry their secrets inside (never as text the provider could echo): nothing to remember. */
    @Override
    public <T> T resolveObject(String field, String reference, Class<T> type) {
        return delegate.resolveObject(field, reference, type);
    }

    /** {@code text} with every secret handed out so far replaced by {@value #MASK}. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        List<String> longestFirst = new ArrayList<>(handedOut);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        for (String s : longestFirst) {
            if (s.length() >= SHORTEST_MASKED) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }

    /** Forgets the secrets (call when the start is over). */
    public void forget() {
        handedOut.clear();
    }
}
