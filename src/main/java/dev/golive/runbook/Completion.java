package dev.golive.runbook;

import java.util.Optional;

/** Decides when a run has ended, and how. */
final class Completion {
    private Completion() {}

    static Optional<String> outcome(RunState state) {
        if (state.aborted) {
            return state.steps.values().stream().anyMatch(StepState::running)
                    ? Optional.empty()
                    : Optional.of("aborted");
        }
        boolean allDone = state.section().stream().allMatch(StepState::satisfied);
        if (!allDone) {
            return Optional.empty();
        }
        return Optional.of(state.rollingBack ? "rolled-back" : "done");
    }
}
