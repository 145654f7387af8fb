package hudson.init;

/**
 * Shim of {@code hudson.init.InitMilestone} (Jenkins 2.541.3): the constants and {@link #toString()}. The real
 * supertype {@code org.jvnet.hudson.reactor.Milestone} and the static {@code ordering()} are omitted.
 */
public enum InitMilestone {
    STARTED("Started initialization"),
    PLUGINS_LISTED("Listed all plugins"),
    PLUGINS_PREPARED("Prepared all plugins"),
    PLUGINS_STARTED("Started all plugins"),
    EXTENSIONS_AUGMENTED("Augmented all extensions"),
    SYSTEM_CONFIG_LOADED("System config loaded"),
    SYSTEM_CONFIG_ADAPTED("System config adapted"),
    JOB_LOADED("Loaded all jobs"),
    JOB_CONFIG_ADAPTED("Configuration for all jobs updated"),
    COMPLETED("Completed initialization");

    private final String message;

    InitMilestone(String message) {
        this.message = message;
    }

    @Override
    public String toString() {
        return message;
    }
}
