package io.jenkins.plugins.clusterdeploy.runtime;

import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.ProviderFactory;
import io.clusterdeploy.engine.provider.ProviderTypes;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.jenkins.plugins.clusterdeploy.account.AccountNames;
import io.jenkins.plugins.clusterdeploy.account.AccountSpec;
import io.jenkins.plugins.clusterdeploy.credentials.SecretScrubber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The running providers, one per enabled account, kept across engine rebuilds: a provider whose account did not
 * change is reused, so saving the configuration (say, to add an account) does not restart the processes a local
 * account runs. One account failing to start does not stop the others; its problem is reported instead.
 */
final class ProviderPool implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ProviderPool.class.getName());

    private final ProviderTypes types;
    private final SecretResolver secrets;
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final Map<String, String> problems = new LinkedHashMap<>();

    private record Running(AccountSpec.ProviderKey key, CloudProvider provider) {
    }

    ProviderPool(ProviderTypes types, SecretResolver secrets) {
        this.types = types;
        this.secrets = secrets;
    }

    /** Brings the running providers in line with {@code wanted}; returns them in {@code wanted}'s order. */
    synchronized List<CloudProvider> reconcile(List<AccountSpec> wanted) {
        Set<AccountSpec.ProviderKey> keys = wanted.stream().map(AccountSpec::providerKey).collect(Collectors.toSet());
        for (var it = running.entrySet().iterator(); it.hasNext(); ) {
            Running r = it.next().getValue();
            if (!keys.contains(r.key())) {
                closeQuietly(r.provider());
                it.remove();
            }
        }
        problems.clear();
        List<CloudProvider> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (AccountSpec spec : wanted) {
            // The form refuses these; Configuration as Code does not run the form's checks.
            if (!AccountNames.isValid(spec.name())) {
                problem(spec.name(), "'" + spec.name() + "' is not a valid account name");
                continue;
            }
            if (!seen.add(spec.name())) {
                problem(spec.name(), "account '" + spec.name() + "' is defined twice; only the first one runs");
                continue;
            }
            Running r = running.get(spec.name());
            if (r == null) {
                r = start(spec);
                if (r == null) {
                    continue;
                }
                running.put(spec.name(), r);
            }
            out.add(r.provider());
        }
        return out;
    }

    private Running start(AccountSpec spec) {
        ProviderFactory factory = types.get(spec.type()).orElse(null);
        if (factory == null) {
            problem(spec.name(), "unknown provider type '" + spec.type() + "'; known types: "
                    + String.join(", ", types.known()));
            return null;
        }
        SecretScrubber scrubber = new SecretScrubber(secrets);
        try {
            return new Running(spec.providerKey(), factory.create(spec.name(), spec.providerSettings(), scrubber));
        } catch (RuntimeException e) {
            problem(spec.name(), scrubber.scrub(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return null;
        } finally {
            scrubber.forget();
        }
    }

    private void problem(String account, String message) {
        problems.put(account, message);
        LOG.log(Level.WARNING, "Cluster Deploy account {0} could not be started: {1}", new Object[] {account, message});
    }

    /** Why accounts that should run do not, by account name. */
    synchronized Map<String, String> problems() {
        return Map.copyOf(problems);
    }

    @Override
    public synchronized void close() {
        running.values().forEach(r -> closeQuietly(r.provider()));
        running.clear();
    }

    private static void closeQuietly(CloudProvider p) {
        try {
            p.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing the provider of account " + p.account().name() + " failed", e);
        }
    }
}
