package dev.golive.diag;

/** The state of a Java thread as a dump prints it; UNKNOWN when the dump does not say. */
public enum ThreadState {
    NEW,
    RUNNABLE,
    BLOCKED,
    WAITING,
    TIMED_WAITING,
    TERMINATED,
    UNKNOWN;

    /** The state named by a word of a dump, or null when the word names none. */
    static ThreadState of(String word) {
        return switch (word) {
            case "NEW" -> NEW;
            case "RUNNABLE" -> RUNNABLE;
            case "BLOCKED" -> BLOCKED;
            case "WAITING" -> WAITING;
            case "TIMED_WAITING" -> TIMED_WAITING;
            case "TERMINATED" -> TERMINATED;
            default -> null;
        };
    }
}
