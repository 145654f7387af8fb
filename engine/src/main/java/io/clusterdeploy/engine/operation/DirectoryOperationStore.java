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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * <p>An index of every operation's summary is kept in memory and written beside the files ({@code .index})
 * now and then; at start each file whose size or time differs from what the index recorded (or that the
 * index does not know, after a crash) is read again, so the index is rebuilt from the files whenever it is
 * stale, missing or damaged. Listing then reads no file.
 *
 * <p>A file it cannot use (not JSON, not an operation, a link, one whose id is not its name) is moved to
 * {@code set-aside/} beside a note saying why, the first time it is seen; it is never deleted and never
 * stops the others from being listed or resumed.
 */
public final class DirectoryOperationStore implements OperationStore {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String SUFFIX = ".json";
    static final String SET_ASIDE = "set-aside";
    static final String INDEX = ".index";
    /** How stale the written index may get; a crash costs re-reading what changed since. */
    private static final Duration INDEX_WRITE_INTERVAL = Duration.ofSeconds(5);

    private final Path dir;
    private final Json json = new Json();
    private final Clock clock;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    /** Files that could not be moved aside: skipped, and reported once. */
    private final Set<Path> stuck = new HashSet<>();
    private final OperationIndex index = new OperationIndex();
    /** What the index knew of each file when it read it: size and modification time. */
    private final Map<String, FileStamp> stamps = new HashMap<>();
    private boolean indexDirty;
    private Instant indexWritten = Instant.EPOCH;

    /** The size and modification time of an operation file, as the index recorded them. */
    record FileStamp(long size, String modified) {
        static FileStamp of(BasicFileAttributes a) {
            return new FileStamp(a.size(), a.lastModifiedTime().toInstant().toString());
        }
    }

    /** The index as written to {@code .index}. */
    record IndexFile(int version, List<IndexEntry> entries) {
    }

    record IndexEntry(OperationSummary summary, FileStamp stamp) {
    }

    public DirectoryOperationStore(Path dir) {
        this(dir, Clock.systemUTC());
    }

    public DirectoryOperationStore(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
        try {
            PrivateFiles.ownDirectory(dir);
        } catch (IOException e) {
            throw new ClusterDeployException(ErrorKind.INVALID_INPUT, "stateDir",
                    "cannot create the operations directory " + dir + ": " + e.getMessage(), e);
        }
        synchronized (this) {
            readIndex();
            reconcile();
            writeIndexIfDirty(true);
        }
    }

    private Path file(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ClusterDeployException.notFound("id", "unknown operation '" + id + "'");
        }
        return dir.resolve(id + SUFFIX);
    }

    private void readIndex() {
        Path f = dir.resolve(INDEX);
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            IndexFile read = json.read(Files.readString(f, StandardCharsets.UTF_8), IndexFile.class);
            for (IndexEntry e : read.entries() == null ? List.<IndexEntry>of() : read.entries()) {
                if (e != null && e.summary() != null && e.stamp() != null) {
                    index.put(e.summary());
                    stamps.put(e.summary().id(), e.stamp());
                }
            }
        } catch (IOException | RuntimeException e) {
            // Damaged: every file is read again below.
            index.all().forEach(s -> index.remove(s.id()));
            stamps.clear();
        }
    }

    /** Brings the index in line with the files: reads what is new or changed, forgets what is gone. */
    private void reconcile() {
        Set<String> present = new HashSet<>();
        for (Path f : operationFiles()) {
            String id = idOf(f);
            present.add(id);
            FileStamp now;
            try {
                now = FileStamp.of(Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
            } catch (IOException e) {
                continue;
            }
            if (!now.equals(stamps.get(id)) || !index.contains(id)) {
                readFile(f).ifPresentOrElse(s -> remember(s, now), () -> forget(id));
            }
        }
        for (OperationSummary s : index.all()) {
            if (!present.contains(s.id())) {
                forget(s.id());
            }
        }
    }

    private List<Path> operationFiles() {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(SUFFIX) && !name.startsWith(".");
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String idOf(Path f) {
        String name = f.getFileName().toString();
        return name.substring(0, name.length() - SUFFIX.length());
    }

    private void remember(OperationState s, FileStamp stamp) {
        index.put(OperationSummary.of(s));
        stamps.put(s.id(), stamp);
        indexDirty = true;
    }

    private void forget(String id) {
        index.remove(id);
        stamps.remove(id);
        indexDirty = true;
    }

    private void writeIndexIfDirty(boolean now) {
        Instant t = clock.instant();
        if (!indexDirty || (!now && Duration.between(indexWritten, t).compareTo(INDEX_WRITE_INTERVAL) < 0)) {
            return;
        }
        List<IndexEntry> entries = new ArrayList<>();
        for (OperationSummary s : index.all()) {
            entries.add(new IndexEntry(s, stamps.get(s.id())));
        }
        try {
            // Not forced: the operation files are forced and stay the truth. An index a power cut leaves stale is
            // corrected from their sizes and times at the next start, one left empty is rebuilt from them; forcing it
            // would cost every finishing operation a second wait for the disk.
            PrivateFiles.writeUnforced(dir.resolve(INDEX), json.write(new IndexFile(1, entries)).getBytes(StandardCharsets.UTF_8));
            indexDirty = false;
            indexWritten = t;
        } catch (IOException e) {
            // The files stay the truth: a stale index is rebuilt from them at the next start.
        }
    }

    @Override
    public void save(OperationState state) {
        save(state, true);
    }

    @Override
    public void saveUnforced(OperationState state) {
        save(state, false);
    }

    private synchronized void save(OperationState state, boolean force) {
        Path f = file(state.id());
        try {
            byte[] content = json.write(state).getBytes(StandardCharsets.UTF_8);
            if (force) {
                PrivateFiles.write(f, content);
            } else {
                PrivateFiles.writeUnforced(f, content);
            }
            remember(state, FileStamp.of(Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save operation " + state.id(), e);
        }
        // Not at once when an operation finishes: that wrote the whole index inside its last save, on the path of
        // every deploy's success; at most every INDEX_WRITE_INTERVAL, a restart re-reads the files written since.
        writeIndexIfDirty(false);
    }

    @Override
    public synchronized Optional<OperationState> load(String id) {
        Path f = file(id);
        if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return readFile(f);
    }

    /** The operation in {@code f}, or empty after setting aside a file that is not one. */
    private Optional<OperationState> readFile(Path f) {
        if (stuck.contains(f)) {
            return Optional.empty();
        }
        String expected = idOf(f);
        if (Files.isSymbolicLink(f) || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            // Never followed: its target is not ours to read, nor to quote.
            return setAsideFile(f, "it is not a regular file (a link or a directory)");
        }
        OperationState s;
        try {
            s = json.read(Files.readString(f, StandardCharsets.UTF_8), OperationState.class);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return setAsideFile(f, "it cannot be read: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            return setAsideFile(f, "it is not an operation's state in JSON");
        }
        if (s.id() == null || s.type() == null || s.status() == null || s.createdAt() == null) {
            return setAsideFile(f, "it lacks an operation's id, type, status or start time");
        }
        if (!s.id().equals(expected)) {
            return setAsideFile(f, "it holds operation '" + s.id() + "', not '" + expected + "'");
        }
        return Optional.of(s);
    }

    @Override
    public synchronized List<OperationSummary> summaries() {
        return index.all();
    }

    @Override
    public synchronized List<OperationSummary> summaries(String application, int limit) {
        return index.newest(application, limit);
    }

    @Override
    public synchronized void delete(String id) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete operation " + id, e);
        }
        forget(id);
        writeIndexIfDirty(false);
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
        forget(idOf(f));
        problems.add(line);
        return Optional.empty();
    }

    @Override
    public List<String> problems() {
        return List.copyOf(problems);
    }
}
