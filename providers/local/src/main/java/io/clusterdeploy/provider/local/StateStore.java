package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.files.PrivateFiles;
import io.clusterdeploy.engine.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;

/**
 * The local cloud's memory: one JSON record per server group ({@code <stateDir>/server-groups/<name>.json})
 * and per load balancer ({@code <stateDir>/load-balancers/<name>.json}), so that a provider started later
 * finds what an earlier one, closed or crashed, left behind. Every write replaces a whole file atomically:
 * a crash leaves the old record or the new one, never a mix. Errors name the account's {@code stateDir}
 * setting and the file, and never quote a record's content (env values may be secrets).
 */
final class StateStore {
    static final String SERVER_GROUPS = "server-groups";
    static final String LOAD_BALANCERS = "load-balancers";
    private static final String SUFFIX = ".json";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path serverGroups;
    private final Path loadBalancers;
    private final String field;
    private final Json json = new Json();

    /** @param field the setting errors name, {@code accounts[NAME].stateDir} */
    StateStore(Path stateDir, String field) {
        this.field = field;
        this.serverGroups = stateDir.resolve(SERVER_GROUPS);
        this.loadBalancers = stateDir.resolve(LOAD_BALANCERS);
        for (Path dir : List.of(serverGroups, loadBalancers)) {
            try {
                PrivateFiles.ownDirectory(dir);
            } catch (IOException e) {
                throw ClusterDeployException.invalid(field, "cannot create " + dir + " for " + field + ": " + e.getMessage());
            }
        }
    }

    Path serverGroupFile(String name) {
        return serverGroups.resolve(name + SUFFIX);
    }

    Path loadBalancerFile(String name) {
        return loadBalancers.resolve(name + SUFFIX);
    }

    /** Every server group record; INVALID_INPUT naming the file when one cannot be read or is damaged. */
    List<ServerGroupRecord> serverGroups() {
        return readAll(serverGroups, ServerGroupRecord.class, ServerGroupRecord::name, "server group");
    }

    /** Every load balancer record; INVALID_INPUT naming the file when one cannot be read or is damaged. */
    List<LoadBalancerRecord> loadBalancers() {
        return readAll(loadBalancers, LoadBalancerRecord.class, LoadBalancerRecord::name, "load balancer");
    }

    void save(ServerGroupRecord record) {
        write(serverGroupFile(record.name()), record, "server group '" + record.name() + "'");
    }

    void save(LoadBalancerRecord record) {
        write(loadBalancerFile(record.name()), record, "load balancer '" + record.name() + "'");
    }

    void deleteServerGroup(String name) {
        Path file = serverGroupFile(name);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw unavailable("cannot delete the record of server group '" + name + "', " + file, e);
        }
    }

    private void write(Path file, Object record, String what) {
        byte[] bytes = json.write(record).getBytes(StandardCharsets.UTF_8);
        Path temp = null;
        try {
            // A temp file is created owner-only (rw-------), and the rename keeps that: records may hold env secrets.
            temp = Files.createTempFile(file.getParent(), ".record-", TEMP_SUFFIX);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // On disk before the rename, so that even a power cut cannot leave an empty record behind.
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw unavailable("cannot record " + what + " in " + file, e);
        }
    }

    private <T> List<T> readAll(Path dir, Class<T> type, Function<T, String> nameOf, String what) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.sorted().toList();
        } catch (IOException e) {
            throw ClusterDeployException.invalid(field, "cannot list " + dir + ": " + e.getMessage());
        }
        List<T> records = new ArrayList<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            if (fileName.endsWith(TEMP_SUFFIX)) {
                // Left by a crash in the middle of a write; the record it was replacing is intact.
                deleteQuietly(file);
            } else if (fileName.endsWith(SUFFIX)) {
                records.add(read(file, fileName.substring(0, fileName.length() - SUFFIX.length()), type, nameOf, what));
            }
        }
        return records;
    }

    private <T> T read(Path file, String expectedName, Class<T> type, Function<T, String> nameOf, String what) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw damaged(what, file, "cannot be read: " + e.getMessage());
        }
        T record;
        try {
            record = json.read(text, type);
        } catch (JacksonException e) {
            throw damaged(what, file, describe(e));
        }
        if (record == null) {
            throw damaged(what, file, "holds no record");
        }
        if (!expectedName.equals(nameOf.apply(record))) {
            throw damaged(what, file, "names '" + nameOf.apply(record) + "', not '" + expectedName + "' as its file name says");
        }
        return record;
    }

    private ClusterDeployException damaged(String what, Path file, String problem) {
        return ClusterDeployException.invalid(field, "the " + what + " record " + file + " in " + field + " is damaged: "
                + problem + ". Repair or remove the file: rather than forget the " + what + " it describes, the"
                + " provider does not start");
    }

    private ClusterDeployException unavailable(String message, IOException e) {
        return new ClusterDeployException(ErrorKind.UNAVAILABLE, field, message + ": " + e.getMessage(), e);
    }

    /** What is wrong, without quoting the content: our own checks' messages, else where the reader stopped. */
    private static String describe(JacksonException e) {
        String at = path(e);
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException || cause instanceof ClusterDeployException) {
                String message = String.valueOf(cause.getMessage());
                return at.isEmpty() || message.startsWith(at) ? message : at + ": " + message;
            }
            if (cause instanceof NullPointerException) {
                return (at.isEmpty() ? "" : at + ": ") + "a value is null where one is required";
            }
        }
        TokenStreamLocation where = e.getLocation();
        String line = where == null || where.getLineNr() < 0 ? ""
                : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
        return (e instanceof StreamReadException ? "not valid JSON" : "unexpected value")
                + (at.isEmpty() ? "" : " at " + at) + line;
    }

    /** The JSON path of the failure, like {@code instances[0].pid}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A stray temp file is harmless: the next start removes it.
        }
    }
}
