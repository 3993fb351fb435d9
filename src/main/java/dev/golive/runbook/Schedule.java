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
        for (StepState step : Graph.order(run.section())) {
            s.plan(step);
        }
        s.criticalPath.addAll(s.critical());
        return s;
    }

    /** How late the step is: started late, or not started though its time has passed. */
    Duration late(StepState step) {
        Instant planned = plannedStart.get(step.def.id());
        if (planned == null) {
            return Duration.ZERO;
        }
        Instant actual = actualStart(step);
        Instant compare = actual != null ? actual : (step.status.finished() ? null : now);
        if (compare == null || !compare.isAfter(planned)) {
            return Duration.ZERO;
        }
        return Duration.between(planned, compare);
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
            return def.plannedTime().atZone(zone).toInstant();
        }
        if (def.plannedOffset() != null) {
            return base.plus(def.plannedOffset());
        }
        return base;
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
