package dev.golive.runbook;

import dev.golive.runbook.Ledger.Event;
import java.util.List;
import java.util.Map;

/**
 * The rules of a run: what may be done to which step, by whom, with what reason. Each rule
 * looks at the replayed state and returns the entries to append, or refuses with the reason.
 */
final class Rules {
    private Rules() {}

    static List<Event> confirm(RunState run, String id, String note) {
        StepState s = run.step(id);
        if (!s.def.kind().equals("manual")) {
            throw new RunbookException("step " + id + " is a " + s.def.kind() + " step; only manual steps are confirmed"
                    + (s.def.gate() ? " (a gate is approved or rejected)" : ""));
        }
        ready(run, s, "confirmed");
        return List.of(event(Events.CONFIRMED, s, note == null ? Map.of() : Map.of("note", note)));
    }

    static List<Event> fail(RunState run, String id, String reason) {
        StepState s = run.step(id);
        reason(reason, "failing step " + id);
        if (s.def.gate()) {
            throw new RunbookException("step " + id + " is a gate: reject it with a reason instead");
        }
        ready(run, s, "failed");
        return List.of(event(Events.FAILED, s, Map.of("reason", reason)));
    }

    static List<Event> skip(RunState run, String id, String actor, String reason, String approvedBy) {
        StepState s = run.step(id);
        reason(reason, "skipping step " + id);
        if (approvedBy == null || approvedBy.isBlank()) {
            throw new RunbookException("skipping step " + id + " needs a second person: add --approved-by NAME");
        }
        if (approvedBy.strip().equals(actor)) {
            throw new RunbookException("skipping step " + id + " needs a second person, not " + actor + " again");
        }
        if (s.def.gate()) {
            throw new RunbookException("step " + id + " is a gate, which cannot be skipped: approve or reject it");
        }
        if (s.status != StepStatus.WAITING && s.status != StepStatus.READY && s.status != StepStatus.FAILED) {
            throw new RunbookException("step " + id + " is " + s.status.word() + " and cannot be skipped");
        }
        if (s.def.rollback() != run.rollingBack) {
            throw new RunbookException("step " + id
                    + (s.def.rollback()
                            ? " is a rollback step, and the run is not rolling back"
                            : " belongs to the main procedure, which the rollback has replaced"));
        }
        return List.of(event(Events.SKIPPED, s, Map.of("reason", reason, "approvedBy", approvedBy.strip())));
    }

    static List<Event> approve(RunState run, String id, String actor) {
        StepState gate = gate(run, id);
        ready(run, gate, "approved");
        if (gate.approvals.stream().anyMatch(a -> a.person().equals(actor))) {
            throw new RunbookException(actor + " has already approved gate " + id);
        }
        String slot = slot(run, gate, actor);
        return List.of(event(Events.APPROVED, gate, Map.of("as", slot)));
    }

    static List<Event> reject(RunState run, String id, String actor, String reason) {
        StepState gate = gate(run, id);
        reason(reason, "rejecting gate " + id);
        ready(run, gate, "rejected");
        if (gate.def.approvers().stream().noneMatch(a -> run.snapshot.answersFor(actor, a))) {
            throw new RunbookException(
                    actor + " is not one of the approvers of gate " + id + ": " + gate.def.approvers());
        }
        return List.of(event(Events.REJECTED, gate, Map.of("reason", reason)));
    }

    static List<Event> abort(RunState run, String reason) {
        reason(reason, "aborting the run");
        nothingRunning(run, "aborted");
        return List.of(new Event(
                Events.ABORTED, "runbook " + run.snapshot.runbook(), Events.data(null, Map.of("reason", reason))));
    }

    static List<Event> rollback(RunState run, String reason) {
        reason(reason, "rolling back");
        if (run.rollingBack) {
            throw new RunbookException("run " + run.runId + " is already rolling back");
        }
        if (run.snapshot.rollback().isEmpty()) {
            throw new RunbookException(
                    "runbook " + run.snapshot.runbook() + " has no rollback procedure; abort the run instead");
        }
        nothingRunning(run, "rolled back");
        return List.of(new Event(
                Events.ROLLBACK, "runbook " + run.snapshot.runbook(), Events.data(null, Map.of("reason", reason))));
    }

    static List<Event> resolve(RunState run, String id, String as, String reason) {
        StepState s = run.step(id);
        reason(reason, "resolving step " + id);
        if (!List.of("done", "rerun", "failed").contains(as)) {
            throw new RunbookException("a step is resolved as done, rerun or failed, not '" + as + "'");
        }
        if (s.status != StepStatus.IN_DOUBT && s.status != StepStatus.FAILED) {
            throw new RunbookException(
                    "step " + id + " is " + s.status.word() + "; only a step in doubt or failed is resolved");
        }
        return List.of(event(Events.RESOLVED, s, Map.of("as", as, "reason", reason)));
    }

    static List<Event> intent(RunState run, String id, String runner, String typedEnvironment) {
        StepState s = run.step(id);
        if (s.def.human()) {
            throw new RunbookException(
                    "step " + id + " is done by a person: " + (s.def.gate() ? "approve it" : "confirm it"));
        }
        ready(run, s, "run");
        boolean guarded = s.def.changing() && run.snapshot.protectedEnvironment() && !run.snapshot.dryRun();
        if (guarded && !run.snapshot.environment().equals(typedEnvironment)) {
            throw new RunbookException("step " + id + " changes " + run.snapshot.environment()
                    + ": the environment's name must be typed back before it runs");
        }
        return List.of(event(Events.INTENT, s, Map.of("runner", runner, "attempt", s.attempts + 1)));
    }

    static List<Event> launched(RunState run, String id, String runner) {
        StepState s = running(run, id, runner);
        return List.of(event(Events.LAUNCHED, s, Map.of()));
    }

    static List<Event> finished(RunState run, String id, String runner, StepAction.Outcome outcome) {
        StepState s = running(run, id, runner);
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("result", outcome.ok() ? "done" : "failed");
        if (outcome.reason() != null) {
            data.put("reason", outcome.reason());
        }
        if (outcome.evidence() != null) {
            data.put("evidence", outcome.evidence());
        }
        return List.of(event(Events.FINISHED, s, data));
    }

    private static StepState running(RunState run, String id, String runner) {
        StepState s = run.step(id);
        if (!s.running() || !runner.equals(s.runner)) {
            throw new RunbookException("step " + id + " is no longer run by this golive (" + s.status.word() + ")");
        }
        return s;
    }

    private static String slot(RunState run, StepState gate, String actor) {
        for (String open : run.openSlots(gate)) {
            if (run.snapshot.answersFor(actor, open)) {
                return open;
            }
        }
        boolean needsOther = run.openSlots(gate).isEmpty() && run.onlyStarterApproved(gate);
        if (needsOther && !actor.equals(run.snapshot.startedBy())) {
            for (String a : gate.def.approvers()) {
                if (run.snapshot.answersFor(actor, a)) {
                    return a;
                }
            }
        }
        throw new RunbookException(actor + " cannot approve gate " + gate.def.id() + ": it waits for "
                + Views.waitingFor(run, gate)
                + (run.snapshot.people().isEmpty() ? "" : "; roles: " + run.snapshot.people()));
    }

    private static StepState gate(RunState run, String id) {
        StepState s = run.step(id);
        if (!s.def.gate()) {
            throw new RunbookException("step " + id + " is a " + s.def.kind() + " step, not a gate");
        }
        return s;
    }

    private static void ready(RunState run, StepState s, String verb) {
        if (s.status == StepStatus.READY) {
            return;
        }
        String why = switch (s.status) {
            case WAITING ->
                s.def.rollback() && !run.rollingBack
                        ? "it is a rollback step, and the run is not rolling back"
                        : "it waits for "
                                + s.def.after().stream()
                                        .filter(d -> !run.steps.get(d).satisfied())
                                        .toList();
            case CANCELLED -> run.rollingBack ? "the run is rolling back" : "the run was aborted";
            default -> "it is " + s.status.word();
        };
        throw new RunbookException("step " + s.def.id() + " cannot be " + verb + " now: " + why);
    }

    private static void nothingRunning(RunState run, String verb) {
        run.withStatus(StepStatus.RUNNING).stream().findFirst().ifPresent(s -> {
            throw new RunbookException("run " + run.runId + " cannot be " + verb + " while step " + s.def.id()
                    + " is running; wait for it to finish");
        });
    }

    private static void reason(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new RunbookException(what + " needs a reason: add --reason \"...\"");
        }
    }

    private static Event event(String kind, StepState s, Map<String, ?> fields) {
        return new Event(kind, s.def.label(), Events.data(s.def.id(), fields));
    }
}
