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
        return failed().isEmpty();
    }

    /** The innermost step that failed: the request, not the transaction around it. */
    public Optional<StepResult> failed() {
        // A loop, not a stream: a load test asks this of every iteration.
        for (StepResult step : steps) {
            if (!step.passed()) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }
}
