package dev.golive.runbook;

import dev.golive.plan.Runbook;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A runbook step as it was when the run started. A run keeps its own copy, so that editing the
 * plan during the night cannot change a run that is under way. Times are kept as ISO text.
 */
record StepDef(
        String id,
        String title,
        String owner,
        String atTime,
        String atOffset,
        String duration,
        List<String> after,
        String instructions,
        String kind,
        String target,
        Map<String, String> options,
        List<String> approvers,
        String onFailure,
        boolean rollback) {
    /** Kinds that a person carries out; the others golive runs. */
    static final List<String> HUMAN = List.of("manual", "gate");

    /** Kinds that change the environment they run in. */
    static final List<String> CHANGING = List.of("command", "service", "deploy", "drill", "load");

    StepDef {
        after = List.copyOf(after);
        options = Map.copyOf(options);
        approvers = List.copyOf(approvers);
    }

    static StepDef of(Runbook.RunbookStep s, boolean rollback, Duration plannedOverride) {
        Duration planned = plannedOverride != null ? plannedOverride : s.duration();
        return new StepDef(
                s.id(),
                s.title(),
                s.owner(),
                s.at() == null || s.at().time() == null ? null : s.at().time().toString(),
                s.at() == null || s.at().offset() == null
                        ? null
                        : s.at().offset().toString(),
                planned == null ? null : planned.toString(),
                s.after(),
                s.instructions(),
                s.kind(),
                s.target(),
                s.options(),
                s.approvers(),
                s.onFailure(),
                rollback);
    }

    boolean human() {
        return HUMAN.contains(kind);
    }

    boolean changing() {
        return CHANGING.contains(kind);
    }

    boolean gate() {
        return kind.equals("gate");
    }

    Duration plannedDuration() {
        return duration == null ? Duration.ZERO : Duration.parse(duration);
    }

    LocalDateTime plannedTime() {
        return atTime == null ? null : LocalDateTime.parse(atTime);
    }

    Duration plannedOffset() {
        return atOffset == null ? null : Duration.parse(atOffset);
    }

    String label() {
        return title == null ? id : id + " (" + title + ")";
    }
}
