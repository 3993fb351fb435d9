package dev.golive.cli;

import dev.golive.runbook.RunView;
import dev.golive.runbook.StepStatus;
import dev.golive.runbook.StepView;
import dev.golive.runbook.Walk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "resume",
        description = {
            "Go on with a run after golive stopped: each step in doubt is shown, and the operator decides"
                    + " whether it is done, must run again, or failed, with a reason.",
            "Then the walk goes on."
        })
final class RunbookResume extends RunbookRunCommand {
    @Option(names = "--confirm-env", paramLabel = "ENV", description = "The environment's name, typed back up front.")
    String confirmEnv;

    RunbookResume(Context context) {
        super(context);
    }

    @Override
    public void run() {
        RunbookOptions.Session s = session();
        ConsoleOperator operator = new ConsoleOperator(context);
        RunView view = s.runbooks().view(s.runId());
        for (StepView step : view.with(StepStatus.IN_DOUBT)) {
            if (!settle(s, operator, step)) {
                throw new CheckFailedException("step " + step.id() + " is still in doubt; nothing else was done");
            }
        }
        try {
            new Walk(s.runbooks(), s.runId(), s.actor(), operator, confirmEnv, false).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean settle(RunbookOptions.Session s, ConsoleOperator operator, StepView step) {
        context.out()
                .println("Step " + step.id() + " (" + step.kind() + ": " + step.target()
                        + ") is in doubt: it was started "
                        + step.attempts() + (step.attempts() == 1 ? " time" : " times") + " by " + step.actor()
                        + ", and the golive that ran it stopped before recording its end.");
        context.out().println("Verify on the system whether it happened, then decide.");
        String answer = operator.ask("[d]one, [r]e-run, [f]ailed, [l]eave it: ");
        String as = answer == null
                ? ""
                : switch (answer.strip()) {
                    case "d", "done" -> "done";
                    case "r", "rerun", "re-run" -> "rerun";
                    case "f", "failed" -> "failed";
                    default -> "";
                };
        if (as.isEmpty()) {
            return false;
        }
        String reason = operator.ask("Reason (what you verified): ");
        s.runbooks().resolve(s.runId(), step.id(), s.actor(), as, reason);
        context.out().println("Step " + step.id() + " resolved as " + as + ".");
        return true;
    }
}
