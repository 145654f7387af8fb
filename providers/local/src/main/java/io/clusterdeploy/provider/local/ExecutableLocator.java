package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Checks before a deploy that a command's executable can be run, as the process launcher will look
 * it up: a name with a '/' is a path (relative to this process's working directory), any other name
 * is searched on this process's PATH.
 */
final class ExecutableLocator {
    private final String pathVariable;

    /** @param pathVariable the PATH to search, usually {@code System.getenv("PATH")} */
    ExecutableLocator(String pathVariable) {
        this.pathVariable = pathVariable == null ? "" : pathVariable;
    }

    /** The executable file; INVALID_INPUT on {@code field} naming the executable otherwise. */
    Path locate(String field, String executable) {
        try {
            if (executable.contains("/")) {
                Path file = Path.of(executable).toAbsolutePath();
                if (!Files.exists(file)) {
                    throw ClusterDeployException.invalid(field, "executable '" + executable + "' does not exist");
                }
                if (!isExecutableFile(file)) {
                    throw ClusterDeployException.invalid(field, "'" + executable + "' is not an executable file");
                }
                return file;
            }
            for (String dir : pathVariable.split(File.pathSeparator, -1)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(executable);
                if (isExecutableFile(candidate)) {
                    return candidate.toAbsolutePath();
                }
            }
        } catch (InvalidPathException e) {
            throw ClusterDeployException.invalid(field, "'" + executable + "' is not a valid executable path: " + e.getMessage());
        }
        throw ClusterDeployException.invalid(field, "executable '" + executable + "' was not found on PATH");
    }

    private static boolean isExecutableFile(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
