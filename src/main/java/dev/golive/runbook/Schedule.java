package dev.golive.runbook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Planned and projected times of a run's steps, lateness, and the critical path: the chain of
 * steps that decides when the run ends.
 *
 * <p>A step is planned to start at its {@code at} time (or the section's start) but not before
 * the planned ends of the steps it comes after. It is projected to start when it did, or, if it
 * has not, no earlier than now and the projected ends of its dependencies.
 */
final class Schedule {
    final Map<String, Instant> plannedStart = new HashMap<>();
    final Map<String, Instant> plannedEnd = new HashMap<>();
    final Map<String, Instant> projectedStart = new HashMap<>();
    final Map<String, Instant> projectedEnd = new HashMap<>();
    final List<String> criticalPath = new ArrayList<>();

    private final RunState run;
    private final Instant now;
    private final ZoneId zone;

    private Schedule(RunState run, Instant now, ZoneId zone) {
        this.run = run;
        this.now = now;
        this.zone = zone;
    }

    static Schedule of(RunState run, Instant now, ZoneId zone) {
        Schedule s = new Schedule(run, now, zone);
        // The main procedure keeps its plan after a rollback began, so a report can show both.
        List<StepState> planned = run.steps.values().stream()
                .filter(step -> !step.def.rollback() || run.rollingBack)
                .toList();
        for (StepState step : Graph.order(planned)) {
            s.plan(step);
        }
        s.criticalPath.addAll(s.critical());
        return s;
    }

    /** How late the step is: started late, or not started though its time has passed. */
    /**
     * How late the step is: it started after its planned start, or it ended (or is still going)
     * after its planned end; a step not started yet is late once its planned start has passed.
     */
    Duration late(StepState step) {
        Instant plannedFrom = plannedStart.get(step.def.id());
        if (plannedFrom == null) {
            return Duration.ZERO;
        }
        Instant start = actualStart(step);
        boolean open = !step.status.finished();
        Duration late = behind(plannedFrom, start != null ? start : (open ? now : null));
        Instant end = step.ended != null ? step.ended : (open && start != null ? now : null);
        Duration overrun = behind(plannedEnd.get(step.def.id()), end);
        return overrun.compareTo(late) > 0 ? overrun : late;
    }

    private static Duration behind(Instant planned, Instant actual) {
        if (planned == null || actual == null || !actual.isAfter(planned)) {
            return Duration.ZERO;
        }
        return Duration.between(planned, actual);
    }

    Instant actualStart(StepState step) {
        if (step.started != null) {
            return step.started;
        }
        return step.ended != null ? run.readyAt(step) : null;
    }

    Instant end() {
        return criticalPath.isEmpty() ? null : projectedEnd.get(criticalPath.get(criticalPath.size() - 1));
    }

    Instant plannedFinish() {
        return plannedEnd.values().stream().max(Instant::compareTo).orElse(null);
    }

    private void plan(StepState step) {
        StepDef def = step.def;
        Instant base = def.rollback() && run.rollbackAt != null ? run.rollbackAt : run.startedAt;
        Instant fixed = fixedStart(def, base);
        Instant planned = fixed;
        Instant projected = fixed;
        for (String d : def.after()) {
            planned = later(planned, plannedEnd.get(d));
            projected = later(projected, projectedEnd.get(d));
        }
        Duration duration = def.plannedDuration();
        plannedStart.put(def.id(), planned);
        plannedEnd.put(def.id(), planned.plus(duration));
        Instant start = actualStart(step);
        if (start == null) {
            start = step.status.finished() ? projected : later(projected, now);
        }
        Instant end = step.ended != null ? step.ended : later(start.plus(duration), step.running() ? now : null);
        projectedStart.put(def.id(), start);
        projectedEnd.put(def.id(), end);
    }

    private Instant fixedStart(StepDef def, Instant base) {
        if (def.plannedTime() != null) {
            return def.plannedTime().atZone(zone).toInstant().plus(rehearsalShift());
        }
        if (def.plannedOffset() != null) {
            return base.plus(def.plannedOffset());
        }
        return base;
    }

    /**
     * A rehearsal is held on another day than the open: its absolute times move with it, so that
     * the earliest of them falls on the rehearsal's start.
     */
    private Duration rehearsalShift() {
        if (!run.snapshot.rehearsal()) {
            return Duration.ZERO;
        }
        return run.steps.values().stream()
                .map(s -> s.def.plannedTime())
                .filter(java.util.Objects::nonNull)
                .min(java.time.LocalDateTime::compareTo)
                .map(first -> Duration.between(first.atZone(zone).toInstant(), run.startedAt))
                .orElse(Duration.ZERO);
    }

    private List<String> critical() {
        String last = null;
        for (StepState s : Graph.order(run.section())) {
            String id = s.def.id();
            if (last == null || !projectedEnd.get(id).isBefore(projectedEnd.get(last))) {
                last = id;
            }
        }
        List<String> path = new ArrayList<>();
        while (last != null) {
            path.add(0, last);
            last = latestDependency(run.steps.get(last).def);
        }
        return path;
    }

    private String latestDependency(StepDef def) {
        String latest = null;
        for (String d : def.after()) {
            if (projectedEnd.containsKey(d)
                    && (latest == null || projectedEnd.get(d).isAfter(projectedEnd.get(latest)))) {
                latest = d;
            }
        }
        return latest;
    }

    private static Instant later(Instant a, Instant b) {
        if (b == null) {
            return a;
        }
        return a == null || b.isAfter(a) ? b : a;
    }
}
