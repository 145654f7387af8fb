package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.remoting.VirtualChannel;
import java.io.File;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Shim of {@code hudson.FilePath} (Jenkins 2.541.3): constructors and path accessors only. */
public final class FilePath implements SerializableOnlyOverRemoting {
    private static final long serialVersionUID = 1L;

    private final transient VirtualChannel channel;
    private final String remote;

    public FilePath(@CheckForNull VirtualChannel channel, @NonNull String remote) {
        this.channel = channel;
        this.remote = remote;
    }

    public FilePath(@NonNull File localPath) {
        this(null, localPath.getPath());
    }

    public String getRemote() {
        return remote;
    }

    public VirtualChannel getChannel() {
        return channel;
    }

    @Override
    public String toString() {
        return remote;
    }
}
