package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.ServerGroup;
import java.io.IOException;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a Prometheus {@code file_sd} file listing the account's instances, so that a Prometheus with
 * {@code file_sd_configs: [{files: [<this file>]}]} scrapes every instance and labels its series with the
 * model: {@code application}, {@code cluster}, {@code server_group}, {@code stack}, {@code detail},
 * {@code instance_id}, {@code enabled}, {@code account}, {@code location}. The file is replaced atomically
 * (a temp file beside it, renamed over it: Prometheus never reads half a list) and only when its content
 * changes. It holds addresses and names, nothing secret: outside the state directory (a place the user
 * chose) it is readable by others (0644), so that a Prometheus running as its own user can read it; inside
 * it, it is owner-only like everything there.
 *
 * <p>{@link #update} is called with the current server groups after every change and every convergence
 * round; a failure to write is logged, never thrown: metrics must not stop a deploy.
 */
final class PrometheusTargets {
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusTargets.class);

    private final Path file;
    private final boolean readableByOthers;
    private final Json json = new Json();
    private String written; // guarded by this
    private boolean failing; // guarded by this

    /** @param stateDir the account's state directory: a file inside it is owner-only */
    PrometheusTargets(Path file, Path stateDir) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        this.readableByOthers = !this.file.startsWith(stateDir.toAbsolutePath().normalize());
    }

    Path file() {
        return file;
    }

    /** Writes the list of these groups' instances, if it differs from what the file holds. */
    synchronized void update(List<ServerGroup> groups) {
        try {
            String content = render(groups);
            if (content.equals(written)) {
                return;
            }
            write(content.getBytes(StandardCharsets.UTF_8));
            written = content;
            if (failing) {
                LOG.info("Prometheus targets file {} written again", file);
                failing = false;
            }
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                LOG.warn("cannot write the Prometheus targets file {}: {}", file, e.toString());
                failing = true;
            }
        }
    }

    /** The file_sd list: one entry per instance with an address, ordered by server group and instance. */
    String render(List<ServerGroup> groups) {
        List<Map<String, Object>> entries = new ArrayList<>();
        groups.stream().sorted(Comparator.comparing(ServerGroup::name)).forEach(group -> group.instances().stream()
                .filter(i -> i.address() != null)
                .sorted(Comparator.comparing(Instance::id))
                .forEach(instance -> {
                    Map<String, String> labels = new LinkedHashMap<>();
                    labels.put("account", group.account());
                    labels.put("location", group.location());
                    labels.put("application", group.moniker().app());
                    labels.put("cluster", group.moniker().cluster());
                    labels.put("server_group", group.name());
                    putIfPresent(labels, "stack", group.moniker().stack());
                    putIfPresent(labels, "detail", group.moniker().detail());
                    labels.put("instance_id", instance.id());
                    labels.put("enabled", String.valueOf(!group.disabled()));
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("targets", List.of(instance.address()));
                    entry.put("labels", labels);
                    entries.add(entry);
                }));
        return json.write(entries) + "\n";
    }

    private static void putIfPresent(Map<String, String> labels, String name, String value) {
        if (value != null && !value.isEmpty()) {
            labels.put(name, value);
        }
    }

    private void write(byte[] content) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        // Not matched by file_sd's patterns (*.json, *.yml, *.yaml), so Prometheus never reads it half-written.
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            // A stream, not a FileChannel: the convergence thread may be interrupted by a shutdown mid-write. Not
            // forced to disk: the list is derived from the groups and written again at the provider's start and
            // after every convergence round, so a power cut costs nothing; forcing it made every enable and disable
            // wait for the disk a second time.
            try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
                out.write(content);
            }
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(readableByOthers ? "rw-r--r--"
                        : "rw-------"));
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
