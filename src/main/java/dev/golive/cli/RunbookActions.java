package dev.golive.cli;

import dev.golive.runbook.RunView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The decisions people make on a run: confirm, fail, skip, approve, reject, abort, roll back, resolve. */
final class RunbookActions {
    private RunbookActions() {}

    /** The shape of every action: options, then one call on the engine, then a one-line answer. */
    abstract static class Action implements Runnable {
        final Context context;

        @Mixin
        RunbookOptions options;

        Action(Context context) {
            this.context = context;
        }

        @Override
        public void run() {
            RunbookOptions.Session s = options.session(context);
            RunView after = act(s);
            context.out().println(answer(s, after));
        }

        abstract RunView act(RunbookOptions.Session s);

        abstract String answer(RunbookOptions.Session s, RunView after);

        static String stepState(RunView view, String step) {
            return view.step(step).map(x -> x.status().word()).orElse("?");
        }
    }

    @Command(name = "confirm", description = "Confirm that a manual step is done.")
    static final class Confirm extends Action {
        @Parameters(paramLabel = "STEP")
        String step;

        @Option(names = "--note", paramLabel = "TEXT", description = "What was done, for the record.")
        String note;

        Confirm(Context context) {
            super(context);
        }

        RunView act(RunbookOptions.Session s) {
            return s.runbooks().confirm(s.runId(), step, s.actor(), note);
        }

        String answer(RunbookOptions.Session s, RunView after) {
            return "Step " + step + " confirmed by " + s.actor() + ".";
        }
    }

    @Command(name = "fail", description = "Mark a step failed, with the reason.")
    static final class Fail extends Action {
        @Parameters(paramLabel = "STEP")
        String step;

        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;

        Fail(Context context) {
            super(context);
        }

        RunView act(RunbookOptions.Session s) {
            return s.runbooks().fail(s.runId(), step, s.actor(), reason);
        }

        String answer(RunbookOptions.Session s, RunView after) {
            return "Step " + step + " marked failed by " + s.actor() + ".";
        }
    }

    @Command(name = "skip", description = "Skip a step: needs a reason and a second person who approves it.")
    static final class Skip extends Action {
        @Parameters(paramLabel = "STEP")
        String step;

        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;

        @Option(names = "--approved-by", required = true, paramLabel = "NAME")
        String approvedBy;

        Skip(Context context) {
            super(context);
        }

        RunView act(RunbookOptions.Session s) {
            return s.runbooks().skip(s.runId(), step, s.actor(), reason, approvedBy);
        }

        String answer(RunbookOptions.Session s, RunView after) {
            return "Step " + step + " skipped by " + s.actor() + ", approved by " + approvedBy + ".";
        }
    }

    @Command(name = "approve", description = "Approve a gate (go).")
    static final class Approve extends Action {
        @Parameters(paramLabel = "GATE")
        String gate;

        Approve(Context context) {
            super(context);
        }

        RunView act(RunbookOptions.Session s) {
            return s.runbooks().approve(s.runId(), gate, s.actor());
        }

        String answer(RunbookOptions.Session s, RunView after) {
            var view = after.step(gate).orElseThrow();
            return "Gate " + gate + " approved by " + s.actor() + "; "
                    + (view.waitingFor().isEmpty()
                            ? "the gate is passed."
                            : "still waiting for " + view.waitingFor() + ".");
        }
    }

    @Command(name = "reject", description = "Reject a gate (no go), with the reason.")
    static final class Reject extends Action {
        @Parameters(paramLabel = "GATE")
        String gate;

        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;

        Reject(Context context) {
            super(context);
        }

        RunView act(RunbookOptions.Session s) {
            return s.runbooks().reject(s.runId(), gate, s.actor(), reason);
        }

        String answer(RunbookOptions.Session s, RunView after) {
            return "Gate " + gate + " rejected by " + s.actor()
                    + ". Roll back with: golive runbook rollback --reason ...";
        }
    }

    @Command(name = "abort", description = "Abort the run, with the reason.")
    static final class Abort extends Action {
        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;

        Abort(Context context) {
            super(context);
        }

        RunView act(RunbookOptions.Session s) {
            return s.runbooks().abort(s.runId(), s.actor(), reason);
        }

        String answer(RunbookOptions.Session s, RunView after) {
            return "Run " + s.runId() + " aborted by " + s.actor() + ".";
        }
    }

    @Command(name = "rollback", description = "Postpone the open: start the runbook's rollback procedure.")
    static final class Rollback extends Action {
        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;

        Rollback(Context context) {
            super(context);
        }

        RunView act(RunbookOptions.Session s) {
            return s.runbooks().rollback(s.runId(), s.actor(), reason);
        }

        String answer(RunbookOptions.Session s, RunView after) {
            return "Run " + s.runId() + " is rolling back. Walk it with: golive runbook go --run " + s.runId();
        }
    }

    @Command(
            name = "resolve",
            description = "Settle a step in doubt or failed: done, rerun or failed, with the reason.")
    static final class Resolve extends Action {
        @Parameters(index = "0", paramLabel = "STEP")
        String step;

        @Parameters(index = "1", paramLabel = "done|rerun|failed", description = "What the step is taken to be.")
        String as;

        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;

        Resolve(Context context) {
            super(context);
        }

        RunView act(RunbookOptions.Session s) {
            return s.runbooks().resolve(s.runId(), step, s.actor(), as, reason);
        }

        String answer(RunbookOptions.Session s, RunView after) {
            return "Step " + step + " resolved as " + as + " by " + s.actor() + "; it is now " + stepState(after, step)
                    + ".";
        }
    }
}
