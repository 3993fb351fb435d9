package dev.golive.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well the generator kept up over a whole run, and why the run is invalid when it did not.
 *
 * @param arrivals iterations started
 * @param late arrivals that started more than {@link Generator#LATE} late
 * @param dropped arrivals not started because too many users were running
 * @param maxCpu the highest share of all CPUs the generator used in one second, -1 when unknown
 * @param saturated the longest run of seconds with the generator's CPU at or above {@link #SATURATED}
 * @param invalid why the results cannot be trusted; empty when they can
 */
public record Health(long arrivals, long late, long dropped, double maxCpu, int saturated, List<String> invalid) {
    /** CPU share from which the generator counts as saturated. */
    public static final double SATURATED = 0.9;
    /** Seconds in a row of saturated CPU that make a run invalid. */
    public static final int SATURATED_FOR = 5;
    /** Share of late arrivals that makes a run invalid. */
    public static final double LATE_SHARE = 0.01;
    /** Late arrivals a run may have whatever its share: a cold start makes a few. */
    public static final long LATE_ALLOWED = 10;

    public Health {
        invalid = List.copyOf(invalid);
    }

    public boolean valid() {
        return invalid.isEmpty();
    }

    /** Adds up the seconds of a run. */
    static final class Tally {
        private long arrivals;
        private long late;
        private long dropped;
        private double maxCpu = -1;
        private int run;
        private int longest;
        private int maxUsers;

        Tally(int maxUsers) {
            this.maxUsers = maxUsers;
        }

        synchronized void add(Sample s) {
            arrivals += s.arrivals();
            late += s.late();
            dropped += s.dropped();
            maxCpu = Math.max(maxCpu, s.cpu());
            run = s.cpu() >= SATURATED ? run + 1 : 0;
            longest = Math.max(longest, run);
        }

        synchronized Health health() {
            List<String> invalid = new ArrayList<>();
            if (late > LATE_ALLOWED && late > arrivals * LATE_SHARE) {
                invalid.add(String.format(
                        Locale.ROOT,
                        "%d of %d arrivals (%.1f%%) started more than %d ms late: the generator could not keep"
                                + " the rate",
                        late,
                        arrivals,
                        100.0 * late / arrivals,
                        Generator.LATE.toMillis()));
            }
            if (dropped > 0) {
                invalid.add(dropped + " arrivals were dropped: " + maxUsers + " users were already running (maxUsers)");
            }
            if (longest >= SATURATED_FOR) {
                invalid.add(String.format(
                        Locale.ROOT,
                        "the generator's own CPU was saturated (at least %.0f%% of all CPUs) for %d s in a row",
                        SATURATED * 100,
                        longest));
            }
            return new Health(arrivals, late, dropped, maxCpu, longest, invalid);
        }
    }
}
