package dev.golive.load;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * One transaction's or request's figures over some time: lossless histograms of response time
 * (from the intended start) and service time (from the actual send) of those that passed, in
 * microseconds, and the failures by kind.
 *
 * @param kind {@code transaction}, {@code request} or {@code overall}
 * @param name the transaction's or request's name, {@code overall} for all together
 * @param times response times in microseconds
 * @param service service times in microseconds
 * @param errors failures by kind (see {@code Errors})
 */
public record Interval(String kind, String name, Histogram times, Histogram service, Map<String, Long> errors) {
    public Interval {
        errors = new TreeMap<>(errors);
    }

    static Interval empty(String kind, String name) {
        return new Interval(kind, name, Histograms.empty(), Histograms.empty(), Map.of());
    }

    public long passed() {
        return times.getTotalCount();
    }

    public long failed() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** This and another interval of the same thing together. */
    public Interval plus(Interval other) {
        Histogram t = times.copy();
        t.add(other.times);
        Histogram s = service.copy();
        s.add(other.service);
        Map<String, Long> e = new TreeMap<>(errors);
        other.errors.forEach((k, v) -> e.merge(k, v, Long::sum));
        return new Interval(kind, name, t, s, e);
    }

    /** Adds another interval into this one's histograms and errors, in place. */
    void add(Interval other) {
        times.add(other.times);
        service.add(other.service);
        other.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
    }
}
