package dev.golive.runbook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run was started with: the runbook's steps, the environment, the people and their roles,
 * and the mode. Written into the journal with the start, read back for every transition.
 */
record Snapshot(
        String runbook,
        String environment,
        boolean protectedEnvironment,
        boolean rehearsal,
        boolean dryRun,
        String startedBy,
        List<StepDef> steps,
        List<StepDef> rollback,
        Map<String, List<String>> people) {
    Snapshot {
        steps = List.copyOf(steps);
        rollback = List.copyOf(rollback);
        // kept in the plan's order: messages list the roles as the plan file does
        people = Collections.unmodifiableMap(new LinkedHashMap<>(people));
    }

    /** True when {@code person} is {@code approver} by name or holds it as a role. */
    boolean answersFor(String person, String approver) {
        return person.equals(approver) || people.getOrDefault(person, List.of()).contains(approver);
    }
}
