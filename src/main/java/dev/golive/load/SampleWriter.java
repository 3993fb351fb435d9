package dev.golive.load;

import dev.golive.store.LoadSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stores a running test's seconds with its run as they end, so a test killed midway keeps what
 * it measured up to then, and the dashboard draws each second while the test runs.
 */
public final class SampleWriter {
    private static final int BATCH = 1;

    private final LoadSeries store;
    private final String runId;
    private final List<Sample> pending = new ArrayList<>();

    public SampleWriter(LoadSeries store, String runId) {
        this.store = store;
        this.runId = runId;
    }

    /** Keeps the second, and stores the seconds kept so far every few seconds. */
    public synchronized void add(Sample sample) {
        pending.add(sample);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    /** Stores every second kept so far. */
    public synchronized void flush() {
        List<LoadSeries.Second> seconds = new ArrayList<>();
        List<LoadSeries.Row> rows = new ArrayList<>();
        for (Sample s : pending) {
            seconds.add(new LoadSeries.Second(
                    s.second(), s.wanted(), s.arrivals(), s.late(), s.dropped(), s.active(), s.cpu()));
            for (Interval i : s.intervals()) {
                rows.add(new LoadSeries.Row(
                        s.second(),
                        i.kind(),
                        i.name(),
                        i.passed(),
                        i.failed(),
                        errors(i.errors()),
                        Histograms.encode(i.times()),
                        Histograms.encode(i.service())));
            }
        }
        store.append(runId, seconds, rows);
        pending.clear();
    }

    private static String errors(Map<String, Long> errors) {
        StringBuilder out = new StringBuilder("{");
        errors.forEach((k, v) -> out.append(out.length() > 1 ? "," : "")
                .append('"')
                .append(k)
                .append("\":")
                .append(v));
        return out.append('}').toString();
    }
}
