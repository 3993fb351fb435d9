package dev.golive.runbook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One step of a run as people see it: what it is, where it stands, planned against actual.
 *
 * @param id the step's id
 * @param title its title, or null
 * @param owner who is responsible, or null
 * @param kind manual, command, gate, …
 * @param target what the kind works on: the instructions text, the command, the question
 * @param instructions what the person should know
 * @param rollback true for a step of the rollback procedure
 * @param changing true when the step changes the environment
 * @param status where it stands
 * @param plannedStart when it was planned to start
 * @param plannedEnd when it was planned to end
 * @param actualStart when it started, or null
 * @param actualEnd when it ended, or null
 * @param late how late it started (or is, if it has not started yet); zero if on time
 * @param critical true when it is on the critical path
 * @param actor who last acted on it, or null
 * @param reason the reason given for a failure, skip, rejection or resolution, or null
 * @param approvedBy the second person who approved a skip, or null
 * @param approvals who approved a gate, as {@code person as role}
 * @param waitingFor the approvers a gate still needs
 * @param evidence what a step golive ran left behind: output, results
 * @param attempts how often golive started it
 * @param onFailure {@code stop} or {@code continue}
 */
public record StepView(
        String id,
        String title,
        String owner,
        String kind,
        String target,
        String instructions,
        boolean rollback,
        boolean changing,
        StepStatus status,
        Instant plannedStart,
        Instant plannedEnd,
        Instant actualStart,
        Instant actualEnd,
        Duration late,
        boolean critical,
        String actor,
        String reason,
        String approvedBy,
        List<String> approvals,
        List<String> waitingFor,
        String evidence,
        int attempts,
        String onFailure) {
    public StepView {
        approvals = List.copyOf(approvals);
        waitingFor = List.copyOf(waitingFor);
    }

    /** Done by a person (manual, gate) rather than by golive. */
    public boolean human() {
        return StepDef.HUMAN.contains(kind);
    }
}
