package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Starts instance processes: a free loopback port, the command with its placeholders filled in, in a PID
 * namespace of its own where the machine allows ({@link PidNamespace}), stdout and stderr appended to an
 * owner-only log file under the state directory. No shell is involved. Also
 * adopts the still-running processes of recorded instances, so that their ports stay theirs.
 */
final class InstanceLauncher {
    private final Path stateDir;
    private final PortAllocator ports;
    private final Supplier<PidNamespace> namespace;

    InstanceLauncher(Path stateDir, PortAllocator ports, Supplier<PidNamespace> namespace) {
        this.stateDir = stateDir;
        this.ports = ports;
        this.namespace = namespace;
    }

    /**
     * Starts instance {@code number} of {@code group}.
     *
     * @throws ClusterDeployException INVALID_INPUT on {@code spec.command} when the process cannot be started
     */
    InstanceProcess launch(String group, int number, DeploySpec spec, boolean inRotation) {
        String id = group + "-" + number;
        int port;
        try {
            port = ports.allocate();
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new ClusterDeployException(ErrorKind.UNAVAILABLE, null, "no loopback port for " + id + ": " + e.getMessage(), e);
        }
        try {
            Path log = logFile(group, id);
            // Logs show what instances print, secrets included: owner-only, like every file of the state dir.
            PrivateFiles.ownDirectory(log.getParent());
            PrivateFiles.file(log);
            List<String> command = namespace.get().wrap(spec.command().render(port, id));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(spec.renderEnv(port, id));
            // Names the instance even when its command line does not, so a restarted provider can adopt it.
            builder.environment().put(ProcessIdentity.INSTANCE_ENV, id);
            Process process = builder.start();
            // Instances read nothing; a closed stdin makes a process that tries see end-of-file, not hang.
            process.getOutputStream().close();
            return InstanceProcess.launched(id, number, port, process, log, spec.shutdownTimeout(), inRotation);
        } catch (IOException e) {
            ports.release(port);
            throw ClusterDeployException.invalid("spec.command",
                    "cannot start '" + spec.command().executable() + "': " + e.getMessage());
        }
    }

    /**
     * The recorded group's instances whose processes still run (see {@link ProcessIdentity}), oldest first,
     * with their ports reserved; the others are left alone. Each keeps its recorded rotation unless the
     * whole group is disabled.
     */
    List<InstanceProcess> adopt(ServerGroupRecord recorded) {
        DeploySpec spec = recorded.deploySpec();
        List<InstanceProcess> adopted = new ArrayList<>();
        for (InstanceRecord instance : recorded.instances()) {
            ProcessIdentity.find(instance).ifPresent(handle -> {
                ports.reserve(instance.port());
                adopted.add(InstanceProcess.adopted(instance, handle, logFile(recorded.name(), instance.id()),
                        spec.shutdownTimeout(), instance.inRotation() && !recorded.disabled()));
            });
        }
        return adopted;
    }

    /** Returns the instance's port once its process is gone. */
    void release(InstanceProcess instance) {
        ports.release(instance.port());
    }

    private Path logFile(String group, String id) {
        return stateDir.resolve(group).resolve(id + ".log");
    }
}
