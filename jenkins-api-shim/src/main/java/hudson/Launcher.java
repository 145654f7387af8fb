package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;

/** Shim of {@code hudson.Launcher} (Jenkins 2.541.3): the type and its constructors only. */
public abstract class Launcher {
    @NonNull
    protected final TaskListener listener;

    @CheckForNull
    protected final VirtualChannel channel;

    protected Launcher(@NonNull TaskListener listener, @CheckForNull VirtualChannel channel) {
        this.listener = listener;
        this.channel = channel;
    }

    protected Launcher(@NonNull Launcher launcher) {
        this(launcher.listener, launcher.channel);
    }
}
