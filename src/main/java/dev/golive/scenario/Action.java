package dev.golive.scenario;

import dev.golive.plan.Step;

/** How one kind of step runs for a virtual user. */
interface Action {
    StepResult run(VirtualUser user, int depth);

    static Action of(Step step, Urls urls) {
        return switch (step) {
            case Step.Request r -> new RequestAction(r, urls);
            case Step.Think t -> new ThinkAction(t);
            case Step.Transaction t -> new TransactionAction(t, urls);
        };
    }
}
