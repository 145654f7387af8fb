package io.clusterdeploy.standalone.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Where state lives by default, and how a configured state dir is read. */
public final class StateDirs {
    private StateDirs() {
    }

    /** {@code ~/.cluster-deploy}. */
    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".cluster-deploy");
    }

    /**
     * A configured directory as an absolute path; a leading {@code ~/} means the home directory,
     * as users expect from a shell.
     *
     * @throws IllegalArgumentException when the text is no valid path
     */
    public static Path resolve(String configured) {
        String text = configured.trim();
        try {
            Path path = text.equals("~") || text.startsWith("~/")
                    ? Path.of(System.getProperty("user.home")).resolve(text.substring(Math.min(2, text.length())))
                    : Path.of(text);
            return path.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + configured + "' is not a valid path: " + e.getReason(), e);
        }
    }
}
