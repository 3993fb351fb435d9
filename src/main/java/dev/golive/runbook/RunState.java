package dev.golive.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.golive.store.JournalEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A runbook run as its journal entries tell it. The journal is the truth: this state is never
 * stored, only replayed, so what a crash leaves behind is exactly what was committed.
 */
final class RunState {
    final String runId;
    final Snapshot snapshot;
    final Instant startedAt;
    final Map<String, StepState> steps = new LinkedHashMap<>();
    boolean rollingBack;
    Instant rollbackAt;
    boolean aborted;
    String outcome;
    Instant endedAt;
    String reason;
    long lastSeq;

    private RunState(String runId, Snapshot snapshot, Instant startedAt) {
        this.runId = runId;
        this.snapshot = snapshot;
        this.startedAt = startedAt;
        snapshot.steps().forEach(s -> steps.put(s.id(), new StepState(s)));
        snapshot.rollback().forEach(s -> steps.put(s.id(), new StepState(s)));
    }

    /**
     * Replays a run's entries, oldest first.
     *
     * @param alive tells whether the golive process named in a step's intent still runs
     */
    static RunState replay(String runId, List<JournalEntry> entries, Predicate<String> alive) {
        RunState state = null;
        for (JournalEntry e : entries) {
            if (e.kind().equals(Events.STARTED)) {
                Snapshot snapshot =
                        Events.JSON.convertValue(Events.read(e.data()).get("snapshot"), Snapshot.class);
                state = new RunState(runId, snapshot, e.at());
            } else if (state != null) {
                state.apply(e);
            }
            if (state != null) {
                state.lastSeq = e.seq();
            }
        }
        if (state == null) {
            throw new RunbookException("run " + runId + " is not a runbook run");
        }
        state.derive(alive);
        return state;
    }

    boolean active() {
        return outcome == null;
    }

    /** The steps being worked on: the main procedure, or the rollback once it has begun. */
    List<StepState> section() {
        return steps.values().stream()
                .filter(s -> s.def.rollback() == rollingBack)
                .toList();
    }

    StepState step(String id) {
        StepState s = steps.get(id);
        if (s == null) {
            throw new RunbookException("run " + runId + " has no step '" + id + "'; its steps: " + steps.keySet());
        }
        return s;
    }

    List<StepState> withStatus(StepStatus status) {
        return steps.values().stream().filter(s -> s.status == status).toList();
    }

    private void apply(JournalEntry e) {
        JsonNode data = Events.read(e.data());
        String id = Events.text(data, "step");
        StepState s = id == null ? null : steps.get(id);
        if (s != null) {
            s.history.add(e.kind());
            Steps.apply(s, e, data, this);
            return;
        }
        switch (e.kind()) {
            case Events.ROLLBACK -> {
                rollingBack = true;
                rollbackAt = e.at();
                reason = Events.text(data, "reason");
            }
            case Events.ABORTED -> {
                aborted = true;
                reason = Events.text(data, "reason");
            }
            case Events.ENDED -> {
                outcome = Events.text(data, "outcome");
                endedAt = e.at();
            }
            default -> {}
        }
    }

    private void derive(Predicate<String> alive) {
        for (StepState s : steps.values()) {
            if (s.status == StepStatus.RUNNING && (!active() || !alive.test(s.runner))) {
                s.status = StepStatus.IN_DOUBT;
            }
            boolean inSection = s.def.rollback() == rollingBack;
            boolean over = !active() || aborted || (rollingBack && !s.def.rollback());
            if (s.status == StepStatus.WAITING && over) {
                s.status = StepStatus.CANCELLED;
            } else if (s.status == StepStatus.WAITING && inSection && dependenciesSatisfied(s)) {
                s.status = StepStatus.READY;
            }
        }
    }

    boolean dependenciesSatisfied(StepState s) {
        return s.def.after().stream().map(steps::get).allMatch(d -> d != null && d.satisfied());
    }

    /** When a step could first be done: its section's start, or the end of its last dependency. */
    Instant readyAt(StepState s) {
        Instant at = s.def.rollback() ? rollbackAt : startedAt;
        for (String d : s.def.after()) {
            StepState dep = steps.get(d);
            if (dep != null && dep.ended != null && dep.ended.isAfter(at)) {
                at = dep.ended;
            }
        }
        return at;
    }

    /** Gate slots not yet filled, and whether an approval by someone other than the starter is still missing. */
    List<String> openSlots(StepState gate) {
        List<String> open = new ArrayList<>(gate.def.approvers());
        gate.approvals.forEach(a -> open.remove(a.as()));
        return open;
    }

    boolean onlyStarterApproved(StepState gate) {
        return gate.approvals.stream().allMatch(a -> a.person().equals(snapshot.startedBy()));
    }
}
