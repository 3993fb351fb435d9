package dev.golive.diag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Leak suspects over a series of class histograms of one JVM: classes whose instances grow in
 * every histogram, by at least {@link #MIN_BYTES} overall. The application's own classes come
 * first: they name the leak, where {@code byte[]} or {@code HashMap$Node} only follow it.
 */
final class Leaks {
    private static final long MIN_BYTES = 32 * 1024;
    private static final int MAX = 10;

    private record Growth(String className, long[] instances, long[] bytes) {
        long bytesGrown() {
            return bytes[bytes.length - 1] - bytes[0];
        }

        long instancesGrown() {
            return instances[instances.length - 1] - instances[0];
        }

        boolean jdk() {
            return className.startsWith("java.")
                    || className.startsWith("javax.")
                    || className.startsWith("jdk.")
                    || className.startsWith("sun.")
                    || className.startsWith("com.sun.")
                    || className.startsWith("[")
                    || className.startsWith("<");
        }
    }

    private Leaks() {}

    static void find(List<Histogram> series, List<Candidate> out) {
        if (series.size() < 2) {
            return;
        }
        List<Growth> growing = growing(series);
        if (!growing.isEmpty()) {
            out.add(candidate(series, growing));
        }
    }

    private static List<Growth> growing(List<Histogram> series) {
        List<Map<String, HistogramRow>> rows = new ArrayList<>();
        for (Histogram h : series) {
            Map<String, HistogramRow> m = new HashMap<>();
            h.rows().forEach(r -> m.merge(r.className(), r, Leaks::sum));
            rows.add(m);
        }
        List<Growth> growing = new ArrayList<>();
        for (String name : rows.getLast().keySet()) {
            Growth g = growth(name, rows);
            if (g != null) {
                growing.add(g);
            }
        }
        growing.sort(Comparator.comparing(Growth::jdk)
                .thenComparing(Comparator.comparingLong(Growth::bytesGrown).reversed()));
        return growing.subList(0, Math.min(MAX, growing.size()));
    }

    /** The class's figures when its instances grow in every histogram; null otherwise. */
    private static Growth growth(String name, List<Map<String, HistogramRow>> rows) {
        long[] instances = new long[rows.size()];
        long[] bytes = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            HistogramRow r = rows.get(i).get(name);
            instances[i] = r == null ? 0 : r.instances();
            bytes[i] = r == null ? 0 : r.bytes();
            if (i > 0 && instances[i] <= instances[i - 1]) {
                return null;
            }
        }
        Growth g = new Growth(name, instances, bytes);
        return g.bytesGrown() >= MIN_BYTES ? g : null;
    }

    private static Candidate candidate(List<Histogram> series, List<Growth> growing) {
        double minutes = minutes(series);
        String unit = minutes > 0 ? "a minute" : "a histogram";
        double per = minutes > 0 ? minutes : series.size() - 1;
        Growth top = growing.getFirst();
        String title = "Leak suspect: " + top.className() + " grows in every one of " + series.size()
                + " histograms, " + rate(top, per, unit)
                + (growing.size() > 1 ? " (and " + (growing.size() - 1) + " more growing classes)" : "");
        Candidate c =
                new Candidate(top.className(), FindingKind.LEAK_SUSPECT, Severity.WARNING, growing.size(), title, null);
        for (Growth g : growing) {
            c.classes.add(g.className());
            c.evidence(g.className() + ": " + join(g.instances()) + " instances, " + rate(g, per, unit));
        }
        c.seen = seen(series);
        return c;
    }

    private static String rate(Growth g, double per, String unit) {
        return String.format(
                Locale.ROOT,
                "+%,.0f instances (+%s) %s",
                g.instancesGrown() / per,
                Text.bytes(g.bytesGrown() / per),
                unit);
    }

    private static String join(long[] values) {
        List<String> parts = new ArrayList<>();
        for (long v : values) {
            parts.add(String.format(Locale.ROOT, "%,d", v));
        }
        return String.join(" → ", parts);
    }

    private static double minutes(List<Histogram> series) {
        Histogram first = series.getFirst();
        Histogram last = series.getLast();
        if (series.stream().anyMatch(h -> h.timestamp() == null)) {
            return -1;
        }
        return Duration.between(first.timestamp(), last.timestamp()).toMillis() / 60_000.0;
    }

    private static String seen(List<Histogram> series) {
        Histogram first = series.getFirst();
        boolean oneFile = series.stream().allMatch(h -> h.source().equals(first.source()));
        String where = oneFile ? first.source() + ": " + series.size() + " histograms" : series.size() + " histograms";
        return where + (first.timestamp() == null ? "" : " from " + Times.format(first.timestamp()));
    }

    private static HistogramRow sum(HistogramRow a, HistogramRow b) {
        return new HistogramRow(a.className(), a.module(), a.instances() + b.instances(), a.bytes() + b.bytes());
    }
}
