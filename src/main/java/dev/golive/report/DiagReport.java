package dev.golive.report;

import dev.golive.diag.Capture;
import dev.golive.diag.Diagnosis;
import dev.golive.diag.Finding;
import dev.golive.diag.Histogram;
import dev.golive.diag.ThreadDump;
import dev.golive.diag.ThreadState;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A diagnosis of JVM captures as one self-contained HTML page: the files read, then the findings,
 * most important first, each with its evidence. A load test report can embed {@link #findings()}.
 */
public final class DiagReport {
    private static final String STYLE = """
            .finding{border-left:4px solid #d0d7de;padding:2px 12px;margin:1em 0}
            .finding.CRITICAL{border-color:#cf222e}.finding.WARNING{border-color:#bf8700}.finding.INFO{border-color:#0969da}
            .sev{font-weight:bold;margin-right:.5em}.CRITICAL .sev{color:#cf222e}.WARNING .sev{color:#9a6700}
            .INFO .sev{color:#0969da}.seen{color:#57606a;margin:.2em 0 .5em}
            """;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Diagnosis diagnosis;

    public DiagReport(Diagnosis diagnosis) {
        this.diagnosis = diagnosis;
    }

    public String html() {
        int n = diagnosis.findings().size();
        String title = "JVM diagnosis: " + n + (n == 1 ? " finding" : " findings");
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
                + "</title><style>" + Html.STYLE + STYLE + "</style></head><body><h1>" + Html.escape(title)
                + "</h1><h2>Files</h2>" + files() + "<h2>Findings, most important first</h2>" + findings()
                + "</body></html>\n";
    }

    /** The CSS the findings fragment needs, beside the reports' common style. */
    public static String style() {
        return STYLE;
    }

    /** The findings as an HTML fragment, to embed in another page whose style includes {@link #style()}. */
    public String findings() {
        if (diagnosis.findings().isEmpty()) {
            return "<p>No deadlock, contended lock, exhausted pool, database wait, stuck or hot thread, "
                    + "or growing class.</p>";
        }
        StringBuilder b = new StringBuilder();
        int number = 1;
        for (Finding f : diagnosis.findings()) {
            b.append("<div class=\"finding ")
                    .append(f.severity())
                    .append("\"><h3>")
                    .append(number++)
                    .append(". <span class=\"sev\">")
                    .append(f.severity())
                    .append("</span>")
                    .append(Html.escape(f.title()))
                    .append("</h3><p class=\"seen\">")
                    .append(Html.escape(f.kind().words() + " — " + f.seen()))
                    .append("</p><pre>")
                    .append(Html.escape(String.join("\n", f.evidence())))
                    .append("</pre></div>");
        }
        return b.toString();
    }

    private String files() {
        StringBuilder b = new StringBuilder(
                "<table><tr><th>File</th><th>JVM</th><th>Thread dumps</th><th>Histograms</th><th>Skipped lines</th></tr>");
        for (Capture c : diagnosis.captures()) {
            b.append("<tr><td>")
                    .append(Html.escape(c.source()))
                    .append("</td><td>")
                    .append(Html.escape(c.jvm()))
                    .append("</td><td>")
                    .append(dumps(c))
                    .append("</td><td>")
                    .append(histograms(c))
                    .append("</td><td>")
                    .append(c.skippedLines())
                    .append("</td></tr>");
        }
        return b.append("</table>").toString();
    }

    private static String dumps(Capture c) {
        List<String> lines = new ArrayList<>();
        for (ThreadDump d : c.dumps()) {
            lines.add(Html.escape((d.timestamp() == null ? "dump " + d.index() : TIME.format(d.timestamp())) + ": "
                    + d.threads().size() + " threads (" + states(d.states()) + ")"));
        }
        return String.join("<br>", lines);
    }

    private static String histograms(Capture c) {
        List<String> lines = new ArrayList<>();
        for (Histogram h : c.histograms()) {
            lines.add(Html.escape((h.timestamp() == null ? "histogram " + h.index() : TIME.format(h.timestamp())) + ": "
                    + h.rows().size() + " classes, "
                    + h.totalBytes() / (1024 * 1024) + " MB"));
        }
        return String.join("<br>", lines);
    }

    private static String states(Map<ThreadState, Integer> states) {
        List<String> parts = new ArrayList<>();
        states.forEach((s, n) -> parts.add(n + " " + s));
        return String.join(", ", parts);
    }
}
