package dev.golive.load;

/** Hears every second of a running load test, from the monitor's thread. */
@FunctionalInterface
public interface LoadListener {
    /**
     * @param sample the second's figures
     * @param status a one-line summary for the console, or null for the part second at the end
     */
    void second(Sample sample, String status);

    /**
     * The test's {@code capture:} asks for a capture now: a target has been breached for its
     * {@code after}, or a periodic capture is due. Called from the monitor's thread; return quickly.
     *
     * @param why what triggered it, for the record
     */
    default void capture(String why) {}
}
