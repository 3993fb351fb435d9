package dev.golive.cli;

/** The exit codes of every golive command. */
final class ExitCodes {
    /** Success. */
    static final int OK = 0;
    /** The thing checked failed: a target missed, a check red. */
    static final int FAILED = 1;
    /** Bad usage or a bad plan. */
    static final int USAGE = 2;
    /** golive itself failed. */
    static final int BROKEN = 3;

    private ExitCodes() {}
}
