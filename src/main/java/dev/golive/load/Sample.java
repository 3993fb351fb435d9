package dev.golive.load;

import java.util.List;

/**
 * One second of a load test: what was asked of the generator, what it did, and every
 * transaction's and request's figures in that second.
 *
 * @param second seconds since the start, the first is 0
 * @param wanted arrivals per second (open model) or users (closed model) the phases asked for
 * @param arrivals iterations started in this second
 * @param late arrivals that started more than {@link Generator#LATE} after their intended start
 * @param dropped arrivals not started because the generator had too many users running
 * @param active virtual users running at the end of the second
 * @param cpu the share of all CPUs the generator's process used, 0 to 1, or -1 when unknown
 * @param intervals the figures of each transaction and request, and {@code overall}
 */
public record Sample(
        int second,
        double wanted,
        long arrivals,
        long late,
        long dropped,
        int active,
        double cpu,
        List<Interval> intervals) {
    public Sample {
        intervals = List.copyOf(intervals);
    }

    /** The figures of all transactions together (all requests when there are none). */
    public Interval overall() {
        return intervals.stream()
                .filter(i -> i.kind().equals("overall"))
                .findFirst()
                .orElseGet(() -> Interval.empty("overall", "overall"));
    }
}
