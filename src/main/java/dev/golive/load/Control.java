package dev.golive.load;

/** Tells a running workload to stop before the end of its phases, and why. */
final class Control {
    private volatile String reason;

    boolean stopped() {
        return reason != null;
    }

    /** The first reason wins. */
    synchronized void stop(String why) {
        if (reason == null) {
            reason = why;
        }
    }

    String reason() {
        return reason;
    }
}
