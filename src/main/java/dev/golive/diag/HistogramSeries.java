package dev.golive.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Class histograms of one JVM: those of the same process id, and those without one (as given,
 * one per file or several in one), oldest first when all are dated, else in the order read.
 */
final class HistogramSeries {
    private HistogramSeries() {}

    static List<List<Histogram>> of(List<Histogram> all) {
        Map<String, List<Histogram>> groups = new LinkedHashMap<>();
        for (Histogram h : all) {
            String key = h.pid() != null ? "pid " + h.pid() : "no pid";
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(h);
        }
        List<List<Histogram>> series = new ArrayList<>();
        for (List<Histogram> g : groups.values()) {
            if (g.stream().map(Histogram::timestamp).allMatch(Objects::nonNull)) {
                g.sort(Comparator.comparing(Histogram::timestamp));
            }
            series.add(g);
        }
        return series;
    }
}
