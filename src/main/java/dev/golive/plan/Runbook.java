package dev.golive.plan;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * An ordered, dependency-aware procedure: the open-day plan, or a hotfix.
 *
 * <p>Keys: {@code steps} (required), {@code rollback} (the steps to run when the open is
 * postponed).
 *
 * @param name the runbook's name
 * @param steps its steps
 * @param rollback the rollback procedure
 * @param location where the runbook is defined
 */
public record Runbook(String name, List<RunbookStep> steps, List<RunbookStep> rollback, Location location) {
    public Runbook {
        steps = List.copyOf(steps);
        rollback = List.copyOf(rollback);
    }

    /**
     * One step. Keys: {@code id} (required, unique in the runbook), {@code title}, {@code owner}
     * (a person or role), {@code at} (planned start: {@code "2026-12-04 21:00"}, or {@code +30m}
     * from the run's start), {@code duration} (planned), {@code after} (ids this step waits for),
     * {@code instructions}, {@code on-failure} ({@code stop} or {@code continue}), and exactly one
     * kind key: {@code manual}, {@code command}, {@code service}, {@code check}, {@code smoke},
     * {@code load}, {@code drill}, {@code deploy}, {@code capture}, {@code wait}, {@code gate}.
     * A {@code gate} needs {@code approvers}. {@code command} runs {@code on} hosts or a service.
     *
     * @param id the step's id
     * @param title a human title, or null
     * @param owner who is responsible, or null
     * @param at the planned start, or null
     * @param duration the planned duration, or null
     * @param after ids of the steps it waits for
     * @param instructions what the person should do or know
     * @param kind one of {@link #KINDS}
     * @param target the kind key's value (the text, the scenario, the command, …)
     * @param options further kind-specific settings ({@code on}, {@code env}, {@code release}, …)
     * @param approvers roles or people whose approval a gate needs
     * @param onFailure {@code stop} or {@code continue}
     * @param location where the step is defined
     */
    public record RunbookStep(
            String id,
            String title,
            String owner,
            PlannedStart at,
            Duration duration,
            List<String> after,
            String instructions,
            String kind,
            String target,
            Map<String, String> options,
            List<String> approvers,
            String onFailure,
            Location location) {
        public static final List<String> KINDS = List.of(
                "manual", "command", "service", "check", "smoke", "load", "drill", "deploy", "capture", "wait", "gate");

        public RunbookStep {
            if (id == null || !KINDS.contains(kind)) {
                throw new IllegalArgumentException("id and a valid kind are required");
            }
            after = List.copyOf(after);
            options = Maps.copy(options);
            approvers = List.copyOf(approvers);
        }
    }

    /**
     * A planned start: an absolute local time, or an offset from the start of the run.
     *
     * @param time the absolute time, or null
     * @param offset the offset, or null
     */
    public record PlannedStart(LocalDateTime time, Duration offset) {
        public PlannedStart {
            if ((time == null) == (offset == null)) {
                throw new IllegalArgumentException("exactly one of time and offset");
            }
        }

        /** The planned start of a run that started at {@code runStart}. */
        public LocalDateTime resolve(LocalDateTime runStart) {
            return time != null ? time : runStart.plus(offset);
        }
    }
}
