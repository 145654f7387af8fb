package hudson.init;

/**
 * Shim of {@code hudson.init.TermMilestone} (Jenkins 2.541.3): the constants and {@link #toString()}. The real
 * supertype {@code org.jvnet.hudson.reactor.Milestone} and the static {@code ordering()} are omitted.
 */
public enum TermMilestone {
    STARTED("Started termination"),
    COMPLETED("Completed termination");

    private final String message;

    TermMilestone(String message) {
        this.message = message;
    }

    @Override
    public String toString() {
        return message;
    }
}
