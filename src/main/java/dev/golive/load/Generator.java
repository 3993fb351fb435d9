package dev.golive.load;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load generator watching itself: arrivals started, started late and dropped, and the CPU its
 * process uses. A generator that cannot keep the intended rate measures itself, not the system.
 */
final class Generator {
    /** An arrival that starts later than this after its intended start is counted late. */
    static final Duration LATE = Duration.ofMillis(100);

    // Counted by every event loop for each iteration: adders, so the loops do not write one
    // counter (and one cache line) from two CPUs.
    private final LongAdder arrivals = new LongAdder();
    private final LongAdder late = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final com.sun.management.OperatingSystemMXBean os = operatingSystem();
    private long lastCpu = -1;
    private long lastAt;

    void arrived(Duration lateness) {
        arrivals.increment();
        if (lateness.compareTo(LATE) > 0) {
            late.increment();
        }
    }

    /** An iteration ended; counts those that passed every step. */
    void ended(boolean passed) {
        if (passed) {
            completed.increment();
        }
    }

    /** Iterations that passed every step, over the whole run. */
    long completed() {
        return completed.sum();
    }

    void dropped() {
        dropped.increment();
    }

    long takeArrivals() {
        return arrivals.sumThenReset();
    }

    long takeLate() {
        return late.sumThenReset();
    }

    long takeDropped() {
        return dropped.sumThenReset();
    }

    /** The share of all CPUs this process used since the last call, 0 to 1; -1 when unknown. */
    double cpu() {
        if (os == null) {
            return -1;
        }
        long cpu = os.getProcessCpuTime();
        long at = System.nanoTime();
        double share = -1;
        if (lastCpu >= 0 && cpu >= 0 && at > lastAt) {
            share = Math.min(1.0, (cpu - lastCpu) / (double) (at - lastAt) / os.getAvailableProcessors());
        }
        lastCpu = cpu;
        lastAt = at;
        return share;
    }

    private static com.sun.management.OperatingSystemMXBean operatingSystem() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean o
                ? o
                : null;
    }
}
