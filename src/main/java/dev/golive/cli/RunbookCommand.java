package dev.golive.cli;

import dev.golive.runbook.RunView;
import dev.golive.runbook.Runbooks;
import dev.golive.runbook.Walk;
import java.time.ZoneId;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "runbook",
        description = "Run a runbook: the open-day procedure, or a hotfix, step by step.",
        subcommands = {
            RunbookCommand.Start.class,
            RunbookCommand.Status.class,
            RunbookCommand.Go.class,
            RunbookActions.Confirm.class,
            RunbookActions.Fail.class,
            RunbookActions.Skip.class,
            RunbookActions.Approve.class,
            RunbookActions.Reject.class,
            RunbookActions.Abort.class,
            RunbookActions.Rollback.class,
            RunbookActions.Resolve.class,
            RunbookResume.class,
            RunbookReportCommand.class
        })
final class RunbookCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'golive runbook status'");
    }

    static void show(Context context, RunView view, boolean json) {
        if (json) {
            Json.print(context.out(), RunbookPrinter.json(view));
        } else {
            new RunbookPrinter(ZoneId.systemDefault()).print(context.out(), view);
        }
    }

    @Command(
            name = "start",
            description = "Start a run of a runbook in an environment (one active run per environment).")
    static final class Start implements Runnable {
        private final Context context;

        @Mixin
        RunbookOptions options;

        @Parameters(paramLabel = "NAME", description = "The runbook.")
        String name;

        @Option(names = "--rehearsal", description = "A rehearsal, not the real thing.")
        boolean rehearsal;

        @Option(names = "--dry-run", description = "Print the steps that change the environment instead of doing them.")
        boolean dryRun;

        @Option(
                names = "--planned-from",
                paramLabel = "RUN",
                description = "Take the actual durations of an earlier run (a rehearsal) as the planned ones.")
        String plannedFrom;

        @Option(names = "--json", description = "Print the run as JSON.")
        boolean json;

        Start(Context context) {
            this.context = context;
        }

        @Override
        public void run() {
            if (options.env == null) {
                throw new UsageException("say where the runbook runs: --env ENV");
            }
            Runbooks runbooks = options.runbooks(context);
            String actor = options.workspace.actor(context);
            RunView view =
                    runbooks.start(name, options.env, actor, new Runbooks.StartOptions(rehearsal, dryRun, plannedFrom));
            show(context, view, json);
            if (!json) {
                context.out().println("\nWalk it with: golive runbook go --run " + view.runId());
            }
        }
    }

    @Command(
            name = "status",
            description = "Every step with its state, owner, planned and actual times, lateness and the critical path.")
    static final class Status extends RunbookRunCommand {
        @Option(names = "--json", description = "Print the run as JSON.")
        boolean json;

        Status(Context context) {
            super(context);
        }

        @Override
        public void run() {
            RunbookOptions.Session s = session();
            show(context, s.runbooks().view(s.runId()), json);
        }
    }

    @Command(name = "go", description = "Walk the run: run ready automatic steps, confirm manual steps, decide gates.")
    static final class Go extends RunbookRunCommand {
        @Option(
                names = "--confirm-env",
                paramLabel = "ENV",
                description = "The environment's name, typed back up front (for scripts).")
        String confirmEnv;

        @Option(names = "--wait", description = "Keep waiting for other people's confirmations and approvals.")
        boolean wait;

        Go(Context context) {
            super(context);
        }

        @Override
        public void run() {
            RunbookOptions.Session s = session();
            Walk walk = new Walk(s.runbooks(), s.runId(), s.actor(), new ConsoleOperator(context), confirmEnv, wait);
            try {
                RunView after = walk.run();
                if (!walk.refused().isEmpty()) {
                    throw new CheckFailedException(
                            "not run, the environment's name was not typed back: " + String.join(", ", walk.refused()));
                }
                if ("aborted".equals(after.outcome())
                        || after.with(dev.golive.runbook.StepStatus.FAILED).stream()
                                .anyMatch(x -> !"continue".equals(x.onFailure()))) {
                    throw new CheckFailedException("run " + s.runId() + " did not go through");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CheckFailedException("interrupted; the run goes on: golive runbook go --run " + s.runId());
            }
        }
    }
}
