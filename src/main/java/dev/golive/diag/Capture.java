package dev.golive.diag;

import java.util.List;

/**
 * What one file holds: thread dumps, class histograms and per-thread CPU tables, in file order,
 * and how many of its lines were none of these (logs and other text around them).
 */
public record Capture(
        String source,
        int lines,
        int skippedLines,
        List<ThreadDump> dumps,
        List<Histogram> histograms,
        List<ThreadCpu> cpu) {
    public Capture {
        dumps = List.copyOf(dumps);
        histograms = List.copyOf(histograms);
        cpu = List.copyOf(cpu);
    }

    /** The JVM of its first dump, or an empty string. */
    public String jvm() {
        return dumps.isEmpty() ? "" : dumps.getFirst().jvm();
    }
}
