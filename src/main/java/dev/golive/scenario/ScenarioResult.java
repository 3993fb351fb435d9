package dev.golive.scenario;

import java.util.List;
import java.util.Optional;

/**
 * One run of a scenario by one virtual user.
 *
 * @param scenario the scenario's name
 * @param steps every step result, in the order they finished
 */
public record ScenarioResult(String scenario, List<StepResult> steps) {
    public ScenarioResult {
        steps = List.copyOf(steps);
    }

    public boolean passed() {
        return steps.stream().allMatch(StepResult::passed);
    }

    /** The innermost step that failed: the request, not the transaction around it. */
    public Optional<StepResult> failed() {
        return steps.stream().filter(s -> !s.passed()).findFirst();
    }
}
