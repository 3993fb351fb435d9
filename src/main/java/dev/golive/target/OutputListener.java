package dev.golive.target;

import java.io.PrintStream;

/**
 * Receives the output of commands line by line, as it comes. Called from several threads at once
 * when commands run on many hosts.
 */
@FunctionalInterface
public interface OutputListener {
    /** Drops everything. */
    OutputListener NONE = (host, error, line) -> {};

    /**
     * One line of output, without its line end.
     *
     * @param host the host's name
     * @param error true for standard error
     * @param line the text
     */
    void line(String host, boolean error, String line);

    /** Prints {@code host | line}, standard error to {@code err}. */
    static OutputListener prefixed(PrintStream out, PrintStream err) {
        return (host, error, line) -> (error ? err : out).println(host + " | " + line);
    }
}
