package dev.golive.target;

import java.time.Duration;

/**
 * What running a command on a host gave.
 *
 * @param host the host's name
 * @param exitStatus the command's exit status, or {@link #NO_STATUS} when it did not end by itself
 * @param stdout the last {@value #KEPT_BYTES} bytes of standard output
 * @param stderr the last {@value #KEPT_BYTES} bytes of standard error
 * @param duration how long it took, connecting included
 * @param timedOut true when the command was stopped at its timeout
 * @param failure why the command did not run to its end (one line naming the host), or null
 */
public record Result(
        String host,
        int exitStatus,
        String stdout,
        String stderr,
        Duration duration,
        boolean timedOut,
        String failure) {
    public static final int NO_STATUS = -1;

    /** How much of each output stream a result keeps; the listener sees all of it. */
    public static final int KEPT_BYTES = 64 * 1024;

    public Result {
        if (host == null || stdout == null || stderr == null || duration == null) {
            throw new IllegalArgumentException("host, output and duration are required");
        }
        if (timedOut && failure == null) {
            throw new IllegalArgumentException("a timed-out result must say so in its failure");
        }
    }

    static Result failed(String host, String failure, Duration duration) {
        return new Result(host, NO_STATUS, "", "", duration, false, failure);
    }

    /** The command ran to its end and exited 0. */
    public boolean ok() {
        return failure == null && exitStatus == 0;
    }

    /** This result, or a {@link TargetException} saying why it is not {@link #ok()}. */
    public Result orThrow() {
        if (ok()) {
            return this;
        }
        throw new TargetException(summary());
    }

    /** One line: the failure, or the exit status with the last line of standard error. */
    public String summary() {
        if (failure != null) {
            return failure;
        }
        String line = host + ": exit status " + exitStatus;
        String last = lastLine(stderr.isBlank() ? stdout : stderr);
        return last.isEmpty() ? line : line + ": " + last;
    }

    private static String lastLine(String text) {
        String trimmed = text.strip();
        return trimmed.substring(trimmed.lastIndexOf('\n') + 1);
    }
}
