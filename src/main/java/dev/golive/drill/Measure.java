package dev.golive.drill;

import dev.golive.load.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Turns a drill's seconds into its figures. A second is bad when its error rate is more than one
 * percentage point above the baseline's, or when requests were sent in it and none came back; the
 * drill has recovered once the bad seconds are over and {@code stable} good ones followed.
 */
final class Measure {
    /** How far above the baseline's error rate a second may be and still count as good. */
    static final double TOLERANCE = 1.0;

    private Measure() {}

    static Figures of(List<Timeline.Second> seconds, Marks marks, int stable) {
        double fault = marks.fault();
        List<Timeline.Second> before = seconds.stream()
                .filter(s -> s.second() + 1 <= fault && (fault < 2 || s.second() > 0))
                .toList();
        Interval base = sum(before);
        double baseRate = rate(base);
        if (fault < 0) {
            return new Figures(baseRate, p95(base.times()), 0, 0, Map.of(), 0, null, null, null, points(seconds));
        }
        double until = marks.restore() >= 0 ? marks.restore() : marks.end();
        Interval during = sum(seconds.stream()
                .filter(s -> s.second() + 1 > fault && s.second() < until)
                .toList());
        List<Timeline.Second> after =
                seconds.stream().filter(s -> s.second() >= Math.floor(fault)).toList();
        Integer first = null;
        Integer last = null;
        for (Timeline.Second s : after) {
            if (bad(s, baseRate)) {
                first = first == null ? s.second() : first;
                last = s.second();
            }
        }
        int end = after.isEmpty() ? (int) Math.floor(fault) : after.getLast().second();
        Double detection = first == null ? null : tenths(first + 1 - fault);
        Double recovery;
        if (last == null) {
            recovery = 0.0;
        } else {
            recovery = end - last >= stable ? tenths(last + 1 - fault) : null;
        }
        return new Figures(
                baseRate,
                p95(base.times()),
                during.passed() + during.failed(),
                during.failed(),
                during.errors(),
                rate(during),
                p95(during.times()),
                detection,
                recovery,
                points(seconds));
    }

    static boolean bad(Timeline.Second s, double baseRate) {
        Interval o = s.overall();
        if (o.passed() + o.failed() == 0) {
            return s.arrivals() > 0;
        }
        return rate(o) > baseRate + TOLERANCE;
    }

    private static Interval sum(List<Timeline.Second> seconds) {
        Interval sum = null;
        for (Timeline.Second s : seconds) {
            sum = sum == null ? s.overall() : sum.plus(s.overall());
        }
        return sum == null ? new Interval("overall", "overall", new Histogram(3), new Histogram(3), Map.of()) : sum;
    }

    private static double rate(Interval i) {
        long all = i.passed() + i.failed();
        return all == 0 ? 0 : 100.0 * i.failed() / all;
    }

    private static Double p95(Histogram h) {
        return h.getTotalCount() == 0 ? null : Math.round(h.getValueAtPercentile(95) / 10.0) / 100.0;
    }

    private static double tenths(double seconds) {
        return Math.max(0, Math.round(seconds * 10) / 10.0);
    }

    private static List<Figures.Point> points(List<Timeline.Second> seconds) {
        List<Figures.Point> out = new ArrayList<>();
        for (Timeline.Second s : seconds) {
            Interval o = s.overall();
            out.add(new Figures.Point(s.second(), o.passed(), o.failed(), p95(o.times())));
        }
        return out;
    }
}
