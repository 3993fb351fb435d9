package dev.golive.scenario;

import dev.golive.plan.Step;
import java.time.Duration;
import java.util.List;

/** Steps measured as one: the transaction fails with the first of its steps that fails. */
record TransactionAction(String name, List<Action> steps) implements Action {
    TransactionAction(Step.Transaction transaction, Urls urls) {
        this(
                transaction.name(),
                transaction.steps().stream().map(s -> Action.of(s, urls)).toList());
    }

    TransactionAction {
        steps = List.copyOf(steps);
    }

    @Override
    public StepResult run(VirtualUser user, int depth) {
        Duration total = Duration.ZERO;
        Duration service = Duration.ZERO;
        for (Action step : steps) {
            StepResult result = step.run(user, depth + 1);
            user.report(result);
            total = total.plus(result.time());
            service = service.plus(result.service());
            if (!result.passed()) {
                String why = "step '" + result.name() + "' failed";
                return new StepResult("transaction", name, depth, 0, total, why, null, null, result.error(), service);
            }
        }
        return new StepResult("transaction", name, depth, 0, total, null, null, null, null, service);
    }
}
