package dev.golive.cli;

import dev.golive.plan.Plan;
import dev.golive.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "note", description = "Write a note into the journal: a decision, a call, an observation.")
final class NoteCommand implements Runnable {
    private final Context context;

    @Mixin
    Workspace workspace;

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "The note.")
    String[] words;

    @Option(names = "--run", paramLabel = "ID", description = "The run the note belongs to.")
    String run;

    NoteCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        String text = String.join(" ", words).strip();
        if (text.isEmpty()) {
            throw new UsageException("the note is empty");
        }
        Plan plan = workspace.plan(context);
        Store store = workspace.open(context, plan);
        if (run != null && store.runs().find(run).isEmpty()) {
            throw new UsageException("no run with id '" + run + "' in store " + store.location());
        }
        String actor = workspace.actor(context);
        long seq = store.journal().append(run, "note", text, actor, null);
        context.out().println("noted as #" + seq + " by " + actor);
    }
}
