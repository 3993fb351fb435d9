package dev.golive.cli;

import dev.golive.plan.Durations;
import dev.golive.runbook.RunView;
import dev.golive.runbook.StepStatus;
import dev.golive.runbook.StepView;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a runbook run as a table, and as JSON. */
final class RunbookPrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    RunbookPrinter(ZoneId zone) {
        this.zone = zone;
    }

    void print(PrintWriter out, RunView run) {
        out.println("Run " + run.runId() + ": runbook " + run.runbook() + " in " + run.environment() + mode(run)
                + ", started by " + run.startedBy() + " at "
                + DAY_TIME.format(run.startedAt().atZone(zone)));
        out.println(state(run));
        out.println();
        Table table = new Table("", "STEP", "KIND", "STATUS", "OWNER", "PLANNED", "STARTED", "ENDED", "LATE", "NOTE");
        for (StepView s : run.steps()) {
            table.row(
                    s.critical() ? "*" : "",
                    (s.rollback() ? "↩ " : "") + s.id(),
                    s.kind(),
                    s.status().word(),
                    s.owner(),
                    time(s.plannedStart()),
                    time(s.actualStart()),
                    time(s.actualEnd()),
                    late(s.late()),
                    note(s));
        }
        table.print(out);
        out.println();
        List<String> ready = run.with(StepStatus.READY).stream()
                .map(RunbookPrinter::readyText)
                .toList();
        out.println("Ready now: " + (ready.isEmpty() ? "nothing" : String.join("; ", ready)));
        out.println("Critical path (*): " + String.join(" -> ", run.criticalPath()));
    }

    private String state(RunView run) {
        String planned = run.plannedEnd() == null ? "-" : time(run.plannedEnd());
        if (!run.active()) {
            return "Ended " + time(run.endedAt()) + ": " + run.outcome()
                    + (run.reason() == null ? "" : " (" + run.reason() + ")") + "; planned end " + planned;
        }
        String projected = run.projectedEnd() == null ? "-" : time(run.projectedEnd());
        Duration behind = run.plannedEnd() == null || run.projectedEnd() == null
                ? Duration.ZERO
                : Duration.between(run.plannedEnd(), run.projectedEnd());
        return (run.rollingBack() ? "Rolling back (" + run.reason() + "); " : "")
                + "planned end " + planned + ", projected end " + projected
                + (behind.toSeconds() > 59 ? " (" + Durations.format(behind) + " late)" : "");
    }

    private static String mode(RunView run) {
        if (run.rehearsal() && run.dryRun()) {
            return " (rehearsal, dry run)";
        }
        return run.rehearsal() ? " (rehearsal)" : run.dryRun() ? " (dry run)" : "";
    }

    private static String readyText(StepView s) {
        if (s.kind().equals("gate")) {
            return s.id() + " (gate, waiting for " + String.join(", ", s.waitingFor()) + ")";
        }
        return s.id() + (s.owner() == null ? "" : " (" + s.owner() + ")");
    }

    private static String note(StepView s) {
        if (s.reason() != null) {
            return s.reason() + (s.approvedBy() == null ? "" : " (approved by " + s.approvedBy() + ")");
        }
        if (!s.approvals().isEmpty()) {
            return "approved by " + String.join(", ", s.approvals());
        }
        return s.actor() == null || s.status() == StepStatus.READY ? null : "by " + s.actor();
    }

    private String time(Instant t) {
        return t == null ? null : TIME.format(t.atZone(zone));
    }

    private static String late(Duration d) {
        return d.toSeconds() < 60 ? null : Durations.format(d.withNanos(0));
    }

    static Map<String, Object> json(RunView run) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", run.runId());
        out.put("runbook", run.runbook());
        out.put("environment", run.environment());
        out.put("rehearsal", run.rehearsal());
        out.put("dryRun", run.dryRun());
        out.put("startedBy", run.startedBy());
        out.put("startedAt", text(run.startedAt()));
        out.put("outcome", run.outcome());
        out.put("endedAt", text(run.endedAt()));
        out.put("rollingBack", run.rollingBack());
        out.put("reason", run.reason());
        out.put("plannedEnd", text(run.plannedEnd()));
        out.put("projectedEnd", text(run.projectedEnd()));
        out.put("criticalPath", run.criticalPath());
        List<Object> steps = new ArrayList<>();
        run.steps().forEach(s -> steps.add(json(s)));
        out.put("steps", steps);
        return out;
    }

    private static Map<String, Object> json(StepView s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("title", s.title());
        out.put("owner", s.owner());
        out.put("kind", s.kind());
        out.put("rollback", s.rollback());
        out.put("status", s.status().word());
        out.put("plannedStart", text(s.plannedStart()));
        out.put("plannedEnd", text(s.plannedEnd()));
        out.put("actualStart", text(s.actualStart()));
        out.put("actualEnd", text(s.actualEnd()));
        out.put("lateSeconds", s.late().toSeconds());
        out.put("critical", s.critical());
        out.put("actor", s.actor());
        out.put("reason", s.reason());
        out.put("approvedBy", s.approvedBy());
        out.put("approvals", s.approvals());
        out.put("waitingFor", s.waitingFor());
        out.put("attempts", s.attempts());
        out.put("evidence", s.evidence());
        return out;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
