package dev.golive.report;

import dev.golive.runbook.RunView;
import dev.golive.runbook.StepView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A runbook run as one self-contained HTML page: a timeline of planned against actual times, like
 * a Gantt chart, and who did what, when, and why. Nothing is loaded from the network.
 */
public final class RunbookReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;
    private final Instant now;

    public RunbookReport(ZoneId zone, Instant now) {
        this.zone = zone;
        this.now = now;
    }

    public String render(RunView run) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape("Runbook " + run.runbook() + " — run " + run.runId()))
                .append("</title><style>")
                .append(Html.STYLE)
                .append("</style></head><body>");
        b.append("<h1>Runbook ")
                .append(Html.escape(run.runbook()))
                .append(" — run ")
                .append(Html.escape(run.runId()))
                .append("</h1>");
        b.append("<p>").append(Html.escape(summary(run))).append("</p>");
        b.append("<h2>Timeline</h2>").append(new Timeline(run, zone, now).svg());
        b.append(legend());
        b.append("<h2>Steps</h2>").append(table(run));
        b.append("</body></html>\n");
        return b.toString();
    }

    private String summary(RunView run) {
        String mode = run.rehearsal() && run.dryRun()
                ? " (rehearsal, dry run)"
                : run.rehearsal() ? " (rehearsal)" : run.dryRun() ? " (dry run)" : "";
        String state = run.active()
                ? "still running"
                : "ended " + time(run.endedAt()) + ": " + run.outcome()
                        + (run.reason() == null ? "" : " — " + run.reason());
        return "In " + run.environment() + mode + ", started by " + run.startedBy() + " at " + time(run.startedAt())
                + "; " + state + ". Critical path: " + String.join(" → ", run.criticalPath()) + ".";
    }

    private static String legend() {
        return "<p class=\"legend\"><span><i class=\"swatch\" style=\"background:#d0d7de\"></i>planned</span>"
                + "<span><i class=\"swatch\" style=\"background:#2da44e\"></i>done</span>"
                + "<span><i class=\"swatch\" style=\"background:#cf222e\"></i>failed / rejected / in doubt</span>"
                + "<span><i class=\"swatch\" style=\"background:#8c959f\"></i>skipped</span>"
                + "<span><i class=\"swatch\" style=\"background:#0969da\"></i>running</span></p>";
    }

    private String table(RunView run) {
        StringBuilder b = new StringBuilder(
                "<table><tr><th>Step</th><th>Kind</th><th>Owner</th><th>Status</th>"
                        + "<th>Planned</th><th>Actual</th><th>Late</th><th>Who</th><th>Reason / approvals</th><th>Evidence</th></tr>");
        for (StepView s : run.steps()) {
            b.append("<tr><td>")
                    .append(s.critical() ? "<b>" : "")
                    .append(Html.escape((s.rollback() ? "↩ " : "") + s.id()))
                    .append(s.critical() ? "</b>" : "")
                    .append(s.title() == null ? "" : "<br>" + Html.escape(s.title()))
                    .append("</td>")
                    .append(cell(s.kind()))
                    .append(cell(s.owner()))
                    .append("<td class=\"")
                    .append(s.status().word())
                    .append("\">")
                    .append(s.status().word())
                    .append("</td>")
                    .append(cell(span(s.plannedStart(), s.plannedEnd())))
                    .append(cell(span(s.actualStart(), s.actualEnd())))
                    .append(cell(late(s.late())))
                    .append(cell(s.actor()))
                    .append(cell(reason(s)))
                    .append("<td>")
                    .append(evidence(s.evidence()))
                    .append("</td></tr>");
        }
        return b.append("</table>").toString();
    }

    private static String reason(StepView s) {
        String approvals = s.approvals().isEmpty() ? null : "approved by " + String.join(", ", s.approvals());
        String skip = s.approvedBy() == null ? null : "skip approved by " + s.approvedBy();
        return String.join(
                "; ",
                java.util.stream.Stream.of(s.reason(), skip, approvals)
                        .filter(java.util.Objects::nonNull)
                        .toList());
    }

    private static String evidence(String evidence) {
        if (evidence == null || evidence.isBlank()) {
            return "";
        }
        return "<details><summary>output</summary><pre>" + Html.escape(evidence) + "</pre></details>";
    }

    private static String cell(String text) {
        return "<td>" + Html.escape(text) + "</td>";
    }

    private String span(Instant from, Instant to) {
        if (from == null) {
            return "";
        }
        return time(from)
                + (to == null
                        ? " …"
                        : " – " + DateTimeFormatter.ofPattern("HH:mm:ss").format(to.atZone(zone)));
    }

    private static String late(Duration d) {
        return d.toSeconds() < 60 ? "" : d.toMinutes() + " min";
    }

    private String time(Instant t) {
        return t == null ? "" : TIME.format(t.atZone(zone));
    }
}
