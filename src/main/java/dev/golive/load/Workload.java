package dev.golive.load;

import java.time.Duration;

/** A way of putting load on the system: open (arrivals) or closed (users). */
interface Workload {
    /** Runs to the end of the phases, or until {@code control} stops it; returns how long it ran. */
    Duration run(Control control);

    /** Virtual users running now. */
    int active();

    /** What the phases ask for {@code nanos} into the test: arrivals per second, or users. */
    double wanted(long nanos);

    /** How the level is named on the status line. */
    String unit();
}
