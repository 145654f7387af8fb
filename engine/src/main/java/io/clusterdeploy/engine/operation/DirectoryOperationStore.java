package io.clusterdeploy.engine.operation;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One JSON file per operation in a directory, replaced atomically on every save, so that a crash
 * leaves either the previous state or the new one, never half a file.
 */
public final class DirectoryOperationStore implements OperationStore {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final Path dir;
    private final Json json = new Json();

    public DirectoryOperationStore(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ClusterDeployException(ErrorKind.INVALID_INPUT, "stateDir",
                    "cannot create the operations directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path file(String id) {
        if (!ID.matcher(id).matches()) {
            throw ClusterDeployException.notFound("id", "unknown operation '" + id + "'");
        }
        return dir.resolve(id + ".json");
    }

    @Override
    public synchronized void save(OperationState state) {
        Path target = file(state.id());
        Path tmp = dir.resolve(state.id() + ".json.tmp");
        try {
            Files.writeString(tmp, json.write(state), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save operation " + state.id(), e);
        }
    }

    @Override
    public Optional<OperationState> load(String id) {
        Path f = file(id);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        return Optional.of(read(f));
    }

    private OperationState read(Path f) {
        try {
            return json.read(Files.readString(f, StandardCharsets.UTF_8), OperationState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        } catch (RuntimeException e) {
            throw new ClusterDeployException(ErrorKind.INTERNAL, "stateDir",
                    "operation file " + f + " is corrupt: " + e.getMessage(), e);
        }
    }

    @Override
    public List<OperationState> list() {
        List<OperationState> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                out.add(read(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        out.sort(Comparator.comparing(OperationState::createdAt).reversed());
        return out;
    }
}
