package dev.golive.cli;

import dev.golive.drill.Done;
import dev.golive.drill.DrillException;
import dev.golive.drill.DrillListener;
import dev.golive.drill.Drills;
import dev.golive.plan.Environment;
import dev.golive.plan.Plan;
import dev.golive.target.Hosts;
import dev.golive.target.OutputListener;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "restore",
        description = {
            "Finish the restores of drills that never recorded theirs (golive was killed mid-drill).",
            "Starts stopped instances, continues hung ones, removes blocks. Refused while a drill runs in ENV."
        })
final class DrillRestoreCommand implements Runnable {
    private final Context context;

    @Mixin
    Reach reach;

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    DrillRestoreCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        Plan plan = reach.plan(context);
        Environment env = Reach.environment(plan, environment);
        List<Drills.Restored> restored;
        try (Hosts hosts = reach.hosts(context, plan, env, OutputListener.NONE)) {
            Drills drills = new Drills(plan, env, hosts, reach.store(context, plan), reach.actor(context));
            restored = restore(drills);
        }
        report(env, restored);
    }

    private List<Drills.Restored> restore(Drills drills) {
        try {
            return drills.restorePending(new DrillListener() {
                @Override
                public void phase(String line) {
                    context.out().println(line);
                }

                @Override
                public void status(String line) {}
            });
        } catch (DrillException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private void report(Environment env, List<Drills.Restored> restored) {
        if (restored.isEmpty()) {
            context.out().println("Nothing to restore in " + env.name() + ": every drill recorded its restore.");
            return;
        }
        List<String> failed = restored.stream()
                .flatMap(r -> r.done().stream())
                .filter(d -> !d.ok())
                .map(Done::toString)
                .toList();
        context.out()
                .println("Restored " + restored.size() + (restored.size() == 1 ? " drill" : " drills") + " in "
                        + env.name() + (failed.isEmpty() ? "." : "; " + failed.size() + " failed"));
        if (!failed.isEmpty()) {
            throw new CheckFailedException("restore incomplete in " + env.name() + ": " + String.join("; ", failed)
                    + "; fix the instance and run golive drill restore " + env.name() + " again");
        }
    }
}
