package io.clusterdeploy.provider.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts each instance in a PID namespace of its own ({@code unshare --pid --fork --kill-child}), so that no
 * process it starts can leave it: a child that calls {@code setsid}, double-forks or clears its environment is
 * still reparented to the instance, not to the system's init, and is stopped with it. When the instance's
 * first process ends, the kernel ends every other process of the namespace; when {@code unshare} is killed,
 * it takes the namespace with it. As root the namespace is made directly; otherwise inside a user namespace
 * mapping the user to root (a process there has no more rights on the machine than the user).
 *
 * <p>Where neither works (no {@code unshare}, user namespaces switched off) instances run as before, and only
 * the descendants still in their process tree are stopped with them; the provider says so once at start.
 */
final class PidNamespace {
    private static final Logger LOG = LoggerFactory.getLogger(PidNamespace.class);
    private static final List<String> ROOT = List.of("--pid", "--fork", "--kill-child");
    private static final List<String> USER = List.of("--user", "--map-root-user", "--pid", "--fork", "--kill-child");

    /** The command prefix, or empty when instances run without a namespace. */
    private final List<String> prefix;

    private PidNamespace(List<String> prefix) {
        this.prefix = List.copyOf(prefix);
    }

    /** Finds out, once per provider, whether and how instances can get their own PID namespace here. */
    static PidNamespace detect() {
        String unshare = unshare();
        if (unshare == null) {
            LOG.warn("unshare (util-linux) is not available: processes that leave an instance's process tree "
                    + "(setsid, daemons) will outlive the instance");
            return new PidNamespace(List.of());
        }
        for (List<String> flags : List.of(ROOT, USER)) {
            List<String> probe = new ArrayList<>();
            probe.add(unshare);
            probe.addAll(flags);
            probe.add("true");
            if (works(probe)) {
                List<String> prefix = new ArrayList<>(probe.subList(0, probe.size() - 1));
                prefix.add("--");
                return new PidNamespace(prefix);
            }
        }
        LOG.warn("unshare cannot make a PID namespace here (as root, nor in a user namespace): processes that leave"
                + " an instance's process tree (setsid, daemons) will outlive the instance");
        return new PidNamespace(List.of());
    }

    /** Instances run as they are asked to, with no namespace (tests of the fallback). */
    static PidNamespace none() {
        return new PidNamespace(List.of());
    }

    boolean active() {
        return !prefix.isEmpty();
    }

    /** The command that runs {@code command} as the first process of a new PID namespace. */
    List<String> wrap(List<String> command) {
        if (prefix.isEmpty()) {
            return command;
        }
        List<String> out = new ArrayList<>(prefix);
        out.addAll(command);
        return out;
    }

    private static String unshare() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path p = Path.of(dir, "unshare");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static boolean works(List<String> probe) {
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
