package dev.golive.runbook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A runbook run as people see it.
 *
 * @param runId the run's id
 * @param runbook the runbook's name
 * @param environment where it runs
 * @param protectedEnvironment true when steps that change it need its name typed back
 * @param rehearsal true for a rehearsal
 * @param dryRun true when steps that change the environment are only printed
 * @param startedBy who started it
 * @param startedAt when
 * @param outcome how it ended ({@code done}, {@code aborted}, {@code rolled-back}), or null
 * @param endedAt when it ended, or null
 * @param rollingBack true once the rollback procedure has begun
 * @param reason the reason given for an abort or a rollback, or null
 * @param steps every step, the main procedure first
 * @param criticalPath ids of the steps that decide when the run ends
 * @param plannedEnd when the run was planned to end
 * @param projectedEnd when it will end if the rest goes as planned
 */
public record RunView(
        String runId,
        String runbook,
        String environment,
        boolean protectedEnvironment,
        boolean rehearsal,
        boolean dryRun,
        String startedBy,
        Instant startedAt,
        String outcome,
        Instant endedAt,
        boolean rollingBack,
        String reason,
        List<StepView> steps,
        List<String> criticalPath,
        Instant plannedEnd,
        Instant projectedEnd) {
    public RunView {
        steps = List.copyOf(steps);
        criticalPath = List.copyOf(criticalPath);
    }

    public boolean active() {
        return outcome == null;
    }

    /** The steps with this status. */
    public List<StepView> with(StepStatus status) {
        return steps.stream().filter(s -> s.status() == status).toList();
    }

    public Optional<StepView> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
