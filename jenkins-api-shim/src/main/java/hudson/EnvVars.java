package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Map;
import java.util.TreeMap;

/** Shim of {@code hudson.EnvVars} (Jenkins 2.541.3): a case-insensitive sorted map of variables. */
public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 1L;

    public EnvVars() {
        super(String.CASE_INSENSITIVE_ORDER);
    }

    public EnvVars(@NonNull Map<String, String> m) {
        this();
        putAll(m);
    }

    public EnvVars(@NonNull EnvVars m) {
        this((Map<String, String>) m);
    }

    public EnvVars(String... keyValuePairs) {
        this();
        if (keyValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("odd number of key/value strings: " + keyValuePairs.length);
        }
        for (int i = 0; i + 1 < keyValuePairs.length; i += 2) {
            put(keyValuePairs[i], keyValuePairs[i + 1]);
        }
    }
}
