package dev.golive.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
        name = "plan",
        description = "Look at the plan.",
        subcommands = {PlanShowCommand.class})
final class PlanCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'golive plan show'");
    }
}
