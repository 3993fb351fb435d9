package dev.golive.runbook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Turns a replayed run into what people see. */
final class Views {
    private Views() {}

    static RunView of(RunState run, Instant now, ZoneId zone) {
        Schedule schedule = Schedule.of(run, now, zone);
        List<StepView> steps =
                run.steps.values().stream().map(s -> step(run, s, schedule)).toList();
        Snapshot snap = run.snapshot;
        return new RunView(
                run.runId,
                snap.runbook(),
                snap.environment(),
                snap.protectedEnvironment(),
                snap.rehearsal(),
                snap.dryRun(),
                snap.startedBy(),
                run.startedAt,
                run.outcome,
                run.endedAt,
                run.rollingBack,
                run.reason,
                steps,
                schedule.criticalPath,
                schedule.plannedFinish(),
                schedule.end());
    }

    private static StepView step(RunState run, StepState s, Schedule schedule) {
        StepDef d = s.def;
        String id = d.id();
        boolean scheduled = schedule.plannedStart.containsKey(id);
        List<String> approvals =
                s.approvals.stream().map(a -> a.person() + " as " + a.as()).toList();
        List<String> waiting = d.gate() && !s.status.finished() ? waitingFor(run, s) : List.of();
        return new StepView(
                id,
                d.title(),
                d.owner(),
                d.kind(),
                d.target(),
                d.instructions(),
                d.rollback(),
                d.changing(),
                s.status,
                schedule.plannedStart.get(id),
                schedule.plannedEnd.get(id),
                schedule.actualStart(s),
                s.ended,
                scheduled ? schedule.late(s) : Duration.ZERO,
                schedule.criticalPath.contains(id),
                s.actor,
                s.reason,
                s.approvedBy,
                approvals,
                waiting,
                s.evidence,
                s.attempts,
                d.onFailure());
    }

    static List<String> waitingFor(RunState run, StepState gate) {
        List<String> open = run.openSlots(gate);
        if (open.isEmpty() && run.onlyStarterApproved(gate)) {
            return List.of("someone other than " + run.snapshot.startedBy() + ", who started the run");
        }
        return open;
    }
}
