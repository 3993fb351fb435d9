package dev.golive.load;

import dev.golive.plan.LoadTest;
import java.time.Duration;
import java.util.List;

/** What the phases ask for at a moment of the test: a number of users, or arrivals per second. */
final class Phases {
    private static final long SECOND = 1_000_000_000L;
    private static final long IDLE_STEP = 10_000_000L;

    private Phases() {}

    static int level(List<LoadTest.Phase> phases, Duration elapsed) {
        return (int) Math.round(rate(phases, elapsed.toNanos()));
    }

    static double rate(List<LoadTest.Phase> phases, long nanos) {
        long at = nanos;
        for (LoadTest.Phase p : phases) {
            long length = p.duration().toNanos();
            if (at < length) {
                double fraction = length == 0 ? 1 : (double) at / length;
                return p.from() + (p.to() - p.from()) * fraction;
            }
            at -= length;
        }
        return phases.isEmpty() ? 0 : phases.getLast().to();
    }

    /**
     * The intended start of the arrival after one at {@code after} nanoseconds into the test (the
     * first when {@code after} is negative), or {@code end} and beyond when there is none.
     */
    static long nextArrival(List<LoadTest.Phase> phases, long after, long end) {
        long t = Math.max(after, 0);
        double rate = rate(phases, t);
        while (rate <= 0 && t < end) {
            t += IDLE_STEP;
            rate = rate(phases, t);
        }
        if (t >= end) {
            return end;
        }
        return after < 0 && t == 0 ? 0 : t + (long) (SECOND / rate);
    }

    /** How many arrivals the phases ask for in the first {@code nanos} of the test. */
    static double expected(List<LoadTest.Phase> phases, long nanos) {
        double sum = 0;
        long left = nanos;
        for (LoadTest.Phase p : phases) {
            long length = p.duration().toNanos();
            long part = Math.min(left, length);
            if (part <= 0) {
                break;
            }
            double end = length == 0 ? p.to() : p.from() + (p.to() - p.from()) * part / length;
            sum += (p.from() + end) / 2 * part / SECOND;
            left -= part;
        }
        return sum;
    }
}
