package dev.golive.target;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What can be done to a service or one of its instances. */
public enum ServiceAction {
    /** Whether it runs, with its PIDs; for jdbc and http services, whether it answers. */
    STATUS(false),
    /** Starts it unless it runs, then waits for its health when it has one. */
    START(true),
    /** Asks it to stop, and kills it when it has not stopped after the stop timeout. */
    STOP(true),
    RESTART(true),
    /** Kills it at once, as a crash would. */
    KILL(true),
    /** Asks its health URL until it answers 200 or the deadline passes. */
    HEALTH(false),
    /** The end of its main log, or the errors logged since a time. */
    LOGS(false),
    /** Archives its logs to a file named with the time, then empties them. */
    CLEAR_LOGS(true),
    /** Its PID, Java version and JVM options. */
    JVM(false);

    private final boolean changes;

    ServiceAction(boolean changes) {
        this.changes = changes;
    }

    /** True when the action changes the system, so it is written to the journal. */
    public boolean changes() {
        return changes;
    }

    /** The name on the command line: {@code status}, {@code clear-logs}, … */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The action called {@code word}, or null. */
    public static ServiceAction of(String word) {
        return Arrays.stream(values())
                .filter(a -> a.word().equals(word))
                .findFirst()
                .orElse(null);
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(ServiceAction::word).toList();
    }
}
