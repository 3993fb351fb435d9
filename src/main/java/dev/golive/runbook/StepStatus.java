package dev.golive.runbook;

/** Where a step stands. */
public enum StepStatus {
    /** Waiting for the steps it comes after. */
    WAITING,
    /** Its dependencies are done: it can be done now. */
    READY,
    /** golive is running it. */
    RUNNING,
    /** It was running when the golive that ran it stopped: nobody knows whether it finished. */
    IN_DOUBT,
    DONE,
    FAILED,
    SKIPPED,
    /** A gate whose answer was no. */
    REJECTED,
    /** Not done because the run was aborted or rolled back. */
    CANCELLED;

    boolean finished() {
        return this == DONE || this == FAILED || this == SKIPPED || this == REJECTED || this == CANCELLED;
    }

    /** The lower-case word used in tables: {@code in-doubt}. */
    public String word() {
        return name().toLowerCase().replace('_', '-');
    }
}
