package dev.golive.runbook;

import dev.golive.check.CheckResult;
import dev.golive.check.Checks;
import dev.golive.plan.Check;
import java.util.ArrayList;
import java.util.List;

/** {@code check: NAME} runs one of the plan's checks; {@code check: all} every check of the environment. */
final class CheckAction implements StepAction {
    @Override
    public Outcome run(StepDef step, ActionContext context) {
        Checks checks = new Checks(context.plan(), context.environment(), context.hosts());
        List<Check> chosen = step.target().equals("all")
                ? checks.applicable()
                : context.plan().checks().stream()
                        .filter(c -> c.name().equals(step.target()))
                        .toList();
        if (chosen.isEmpty()) {
            return Outcome.failed(
                    "no check named '" + step.target() + "' applies to "
                            + context.environment().name(),
                    null);
        }
        List<CheckResult> results = new ArrayList<>();
        for (Check c : chosen) {
            for (CheckResult r : checks.run(c)) {
                results.add(r);
                context.out().println("  " + r.line());
                context.out().flush();
            }
        }
        List<String> red =
                results.stream().filter(r -> !r.ok()).map(CheckResult::line).toList();
        String evidence =
                String.join("\n", results.stream().map(CheckResult::line).toList());
        return red.isEmpty()
                ? Outcome.done(evidence)
                : Outcome.failed(red.size() + " of " + results.size() + " checks red: " + red.get(0), evidence);
    }
}
