package dev.golive.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** A runbook command about one run, named as an argument or found by {@link RunbookOptions}. */
abstract class RunbookRunCommand implements Runnable {
    final Context context;

    @Mixin
    RunbookOptions options;

    @Parameters(arity = "0..1", paramLabel = "RUN", description = "The run (default: the active one, else the latest).")
    String run;

    RunbookRunCommand(Context context) {
        this.context = context;
    }

    RunbookOptions.Session session() {
        if (run != null) {
            options.run = run;
        }
        return options.session(context);
    }
}
