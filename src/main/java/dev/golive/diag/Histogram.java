package dev.golive.diag;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One class histogram ({@code jmap -histo}, {@code jcmd PID GC.class_histogram}).
 *
 * @param source the file it was read from
 * @param index its number among the histograms of the file, from 1
 * @param line the line of its header
 * @param timestamp when it was taken, from a timestamp line just before it; null when unknown
 * @param pid the process id when the capture printed it
 * @param rows its rows, largest first as printed
 * @param totalInstances the {@code Total} line's instances (the rows' sum when absent)
 * @param totalBytes the {@code Total} line's bytes (the rows' sum when absent)
 */
public record Histogram(
        String source,
        int index,
        int line,
        LocalDateTime timestamp,
        Long pid,
        List<HistogramRow> rows,
        long totalInstances,
        long totalBytes) {
    public Histogram {
        rows = List.copyOf(rows);
    }

    public String label() {
        return source + " histogram " + index + (timestamp == null ? "" : " (" + Times.format(timestamp) + ")");
    }
}
