package dev.golive.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
        name = "completion",
        description = {"Print a bash/zsh completion script.", "Use: source <(golive completion)"})
final class CompletionCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        CommandLine root = spec.root().commandLine();
        spec.commandLine().getOut().print(AutoComplete.bash("golive", root));
        spec.commandLine().getOut().flush();
    }
}
