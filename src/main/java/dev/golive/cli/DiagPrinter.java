package dev.golive.cli;

import dev.golive.diag.Capture;
import dev.golive.diag.Diagnosis;
import dev.golive.diag.Finding;
import dev.golive.diag.Histogram;
import dev.golive.diag.HistogramRow;
import dev.golive.diag.ThreadCpu;
import dev.golive.diag.ThreadDump;
import dev.golive.diag.ThreadState;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a diagnosis for people: each file and what it holds, then the findings, most important first. */
final class DiagPrinter {
    private static final int LARGEST = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final PrintWriter out;

    DiagPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(Diagnosis d) {
        d.captures().forEach(this::capture);
        out.println();
        List<Finding> findings = d.findings();
        if (findings.isEmpty()) {
            out.println("No findings: no deadlock, contended lock, exhausted pool, database wait, stuck or hot thread, "
                    + "or growing class.");
            return;
        }
        out.println(findings.size() + (findings.size() == 1 ? " finding" : " findings") + ", most important first:");
        for (int i = 0; i < findings.size(); i++) {
            out.println();
            finding(i + 1, findings.get(i));
        }
    }

    private void capture(Capture c) {
        List<String> what = new ArrayList<>();
        count(what, c.dumps().size(), "thread dump");
        count(what, c.histograms().size(), "class histogram");
        count(what, c.cpu().size(), "thread CPU table");
        out.println(c.source() + ": " + String.join(", ", what) + (c.jvm().isEmpty() ? "" : ", " + c.jvm()));
        for (ThreadDump d : c.dumps()) {
            out.println("  dump " + d.index() + (d.timestamp() == null ? "" : "  " + time(d)) + "  "
                    + d.threads().size() + " threads: " + states(d.states()));
        }
        for (Histogram h : c.histograms()) {
            out.println(
                    "  histogram " + h.index() + (h.timestamp() == null ? "" : "  " + TIME.format(h.timestamp())) + "  "
                            + String.format(
                                    Locale.ROOT,
                                    "%,d classes, %,d instances, %s",
                                    h.rows().size(),
                                    h.totalInstances(),
                                    mb(h.totalBytes()))
                            + largest(h));
        }
        for (ThreadCpu t : c.cpu()) {
            out.println(
                    "  thread CPU at line " + t.line() + ": " + t.percentByNid().size() + " threads");
        }
        if (c.skippedLines() > 0) {
            out.println(
                    "  " + c.skippedLines() + (c.skippedLines() == 1 ? " line" : " lines") + " of other text skipped");
        }
    }

    private void finding(int number, Finding f) {
        out.println(number + ". " + f.severity() + "  " + f.title());
        out.println("   " + f.seen());
        for (String line : f.evidence()) {
            out.println("     " + line);
        }
    }

    private static String time(ThreadDump d) {
        return TIME.format(d.timestamp());
    }

    static String states(Map<ThreadState, Integer> states) {
        List<String> parts = new ArrayList<>();
        states.forEach((state, n) -> parts.add(n + " " + state));
        return String.join(", ", parts);
    }

    private static String largest(Histogram h) {
        List<String> parts = new ArrayList<>();
        for (HistogramRow r : h.rows().subList(0, Math.min(LARGEST, h.rows().size()))) {
            parts.add(r.className() + " " + mb(r.bytes()));
        }
        return parts.isEmpty() ? "" : "; largest: " + String.join(", ", parts);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static void count(List<String> what, int n, String noun) {
        if (n > 0) {
            what.add(n + " " + noun + (n == 1 ? "" : "s"));
        }
    }
}
