package dev.golive.target;

import java.util.List;

/**
 * How one kind of service is driven on its host, as shell scripts: the only part that differs
 * between Tomcat, a systemd unit, a plain process and a product's own scripts. The lifecycle around
 * them (waiting, forcing, health) is the same for every kind.
 */
interface Control {
    /** The exit status of {@link #status()} when the instance does not run. */
    int STOPPED = 3;

    /**
     * The exit status of {@link #status()} when the instance does not run and its manager has given
     * up on it (a systemd unit that failed): waiting for a start to take is pointless.
     */
    int GAVE_UP = 4;

    /**
     * Prints the PIDs of the running instance, one per line (none when it cannot know them), and
     * exits 0 when it runs, {@value #STOPPED} or {@value #GAVE_UP} when it does not.
     */
    String status();

    String start();

    /** Asks the instance to stop; its PIDs are in {@code $PIDS}. */
    String stop();

    /**
     * Stops the instance at once, after the graceful stop took too long; its PIDs are in {@code
     * $PIDS}. Null when golive has no way to force it.
     */
    String kill();

    /** Where its logs are. */
    Logs logs();

    /** The directories whose free space matters for it, besides {@code /}. */
    List<String> paths();

    /** The user the scripts run as through sudo, or null for the host's own setting. */
    String user();
}
