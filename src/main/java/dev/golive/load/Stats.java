package dev.golive.load;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * The figures of one transaction, request or the whole test.
 *
 * @param name what was measured
 * @param passed how many passed
 * @param errors how many failed
 * @param tps passed per second over the whole test
 * @param p50 median response time of those that passed
 * @param p90 90th percentile
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max the slowest
 */
public record Stats(
        String name,
        long passed,
        long errors,
        double tps,
        Duration p50,
        Duration p90,
        Duration p95,
        Duration p99,
        Duration max) {
    public Stats {
        if (name == null || passed < 0 || errors < 0) {
            throw new IllegalArgumentException("name and non-negative counts are required");
        }
    }

    static Stats of(String name, Interval interval, Duration elapsed) {
        return of(name, interval.times(), interval.failed(), elapsed);
    }

    /** The figures of response times and a count of errors over {@code elapsed}. */
    public static Stats of(String name, Histogram times, long errors, Duration elapsed) {
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
        return new Stats(
                name,
                times.getTotalCount(),
                errors,
                times.getTotalCount() / seconds,
                at(times, 50),
                at(times, 90),
                at(times, 95),
                at(times, 99),
                Duration.ofNanos(times.getMaxValue() * 1000));
    }

    private static Duration at(Histogram times, double percentile) {
        return Duration.ofNanos(times.getValueAtPercentile(percentile) * 1000);
    }

    /** The figures as plain values for JSON, times in milliseconds. */
    public java.util.Map<String, Object> plain() {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("name", name);
        out.put("passed", passed);
        out.put("errors", errors);
        out.put("tps", tps);
        out.put("p50Ms", p50.toNanos() / 1e6);
        out.put("p90Ms", p90.toNanos() / 1e6);
        out.put("p95Ms", p95.toNanos() / 1e6);
        out.put("p99Ms", p99.toNanos() / 1e6);
        out.put("maxMs", max.toNanos() / 1e6);
        return out;
    }

    /** Errors as a percentage of all, 0 when there were none. */
    public double errorPercent() {
        long all = passed + errors;
        return all == 0 ? 0 : 100.0 * errors / all;
    }
}
