package dev.golive.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
        name = "record",
        description = "Turn browser recordings into scenarios.",
        subcommands = {RecordImportCommand.class})
final class RecordCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing subcommand: try 'golive record import FILE.har --scenario NAME'");
    }
}
