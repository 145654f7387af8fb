package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.PrintStream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Shim of {@code hudson.model.TaskListener} (Jenkins 2.541.3); its default helper methods are omitted. */
public interface TaskListener extends SerializableOnlyOverRemoting {
    @NonNull
    PrintStream getLogger();
}
