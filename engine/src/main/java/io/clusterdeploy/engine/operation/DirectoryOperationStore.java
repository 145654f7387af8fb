package io.clusterdeploy.engine.operation;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.files.PrivateFiles;
import io.clusterdeploy.engine.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One JSON file per operation in a directory, replaced atomically on every save, so that a crash
 * leaves either the previous state or the new one, never half a file. The directory is owner-only and
 * every file 0600: requests hold environments and command lines.
 *
 * <p>A file it cannot use (not JSON, not an operation, a link, one whose id is not its name) is moved to
 * {@code set-aside/} beside a note saying why, the first time it is seen; it is never deleted and never
 * stops the others from being listed or resumed.
 */
public final class DirectoryOperationStore implements OperationStore {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String SUFFIX = ".json";
    static final String SET_ASIDE = "set-aside";

    private final Path dir;
    private final Json json = new Json();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    /** Files that could not be moved aside: skipped, and reported once. */
    private final Set<Path> stuck = new HashSet<>();

    public DirectoryOperationStore(Path dir) {
        this.dir = dir;
        try {
            PrivateFiles.ownDirectory(dir);
        } catch (IOException e) {
            throw new ClusterDeployException(ErrorKind.INVALID_INPUT, "stateDir",
                    "cannot create the operations directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path file(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ClusterDeployException.notFound("id", "unknown operation '" + id + "'");
        }
        return dir.resolve(id + SUFFIX);
    }

    @Override
    public synchronized void save(OperationState state) {
        try {
            PrivateFiles.write(file(state.id()), json.write(state).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save operation " + state.id(), e);
        }
    }

    @Override
    public synchronized Optional<OperationState> load(String id) {
        Path f = file(id);
        if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return read(f);
    }

    /** The operation in {@code f}, or empty after setting aside a file that is not one. */
    private Optional<OperationState> read(Path f) {
        if (stuck.contains(f)) {
            return Optional.empty();
        }
        String name = f.getFileName().toString();
        if (Files.isSymbolicLink(f) || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            // Never followed: its target is not ours to read, nor to quote.
            return setAsideFile(f, "it is not a regular file (a link or a directory)");
        }
        OperationState s;
        try {
            s = json.read(Files.readString(f, StandardCharsets.UTF_8), OperationState.class);
        } catch (IOException e) {
            return setAsideFile(f, "it cannot be read: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            return setAsideFile(f, "it is not an operation's state in JSON");
        }
        String expected = name.substring(0, name.length() - SUFFIX.length());
        if (s.id() == null || s.type() == null || s.status() == null || s.createdAt() == null) {
            return setAsideFile(f, "it lacks an operation's id, type, status or start time");
        }
        if (!s.id().equals(expected)) {
            return setAsideFile(f, "it holds operation '" + s.id() + "', not '" + expected + "'");
        }
        return Optional.of(s);
    }

    @Override
    public synchronized List<OperationState> list() {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        List<OperationState> out = new ArrayList<>();
        for (Path f : files) {
            read(f).ifPresent(out::add);
        }
        out.sort(Comparator.comparing(OperationState::createdAt).reversed());
        return out;
    }

    @Override
    public synchronized void setAside(String id, String reason) {
        setAsideFile(file(id), reason);
    }

    private Optional<OperationState> setAsideFile(Path f, String reason) {
        String line = f + ": " + reason + "; moved to " + dir.resolve(SET_ASIDE);
        try {
            Path aside = PrivateFiles.ownDirectory(dir.resolve(SET_ASIDE));
            Path target = aside.resolve(f.getFileName());
            for (int n = 1; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
                target = aside.resolve(f.getFileName() + "." + n);
            }
            Files.move(f, target, StandardCopyOption.ATOMIC_MOVE);
            PrivateFiles.restrict(target);
            PrivateFiles.write(aside.resolve(target.getFileName() + ".why"),
                    (reason + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            line = f + ": " + reason + "; it could not be moved aside (" + e.getMessage() + ") and is skipped";
            stuck.add(f);
        }
        problems.add(line);
        return Optional.empty();
    }

    @Override
    public List<String> problems() {
        return List.copyOf(problems);
    }
}
