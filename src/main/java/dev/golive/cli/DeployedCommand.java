package dev.golive.cli;

import dev.golive.plan.Environment;
import dev.golive.plan.Plan;
import dev.golive.release.Inspection;
import dev.golive.release.InstanceState;
import dev.golive.target.Hosts;
import dev.golive.target.OutputListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "deployed",
        description = {
            "What runs on each instance of an environment, verified by hashing the files on the hosts.",
            "A file changed by hand shows as drift; an interrupted deploy shows what it left."
        })
final class DeployedCommand implements Runnable {
    private static final String RED = "\u001b[31m";
    private static final String PLAIN = "\u001b[0m";

    private final Context context;

    @Mixin
    Reach reach;

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String env;

    @Option(names = "--json", description = "Print the instances as JSON.")
    boolean json;

    DeployedCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        Plan plan = reach.plan(context);
        Environment environment = Reach.environment(plan, env);
        ReleaseCommand.Shelf shelf = ReleaseCommand.Shelf.open(context, reach.workspace, plan);
        List<InstanceState> states;
        try (Hosts hosts = reach.hosts(context, plan, environment, OutputListener.NONE)) {
            states = new Inspection(environment, hosts, shelf.releases(), shelf.ledger()).inspect();
        }
        print(states);
        long bad = states.stream()
                .filter(s -> !s.ok() && !InstanceState.NONE.equals(s.state()))
                .count();
        if (bad > 0) {
            throw new CheckFailedException(
                    bad + " of " + states.size() + " instances of " + env + " do not run what the ledger says");
        }
    }

    private void print(List<InstanceState> states) {
        if (json) {
            Json.print(context.out(), states.stream().map(DeployedCommand::json).toList());
            return;
        }
        Table t = new Table("STATE", "INSTANCE", "ON HOST", "LEDGER", "DETAIL");
        states.forEach(
                s -> t.row(s.state(), s.instance(), s.onHost() == null ? "?" : s.onHost(), s.ledger(), s.detail()));
        java.io.StringWriter text = new java.io.StringWriter();
        t.print(new java.io.PrintWriter(text, true));
        text.toString().lines().forEach(line -> context.out().println(colour(line)));
    }

    /** Drift and worse in red on a terminal; elsewhere the word says it. */
    private String colour(String line) {
        boolean bad = !line.startsWith("STATE")
                && !line.startsWith(InstanceState.OK + " ")
                && !line.startsWith(InstanceState.NONE + " ");
        return context.terminal() && bad ? RED + line + PLAIN : line;
    }

    private static Map<String, Object> json(InstanceState s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instance", s.instance());
        out.put("state", s.state());
        out.put("onHost", s.onHost());
        out.put("ledger", s.ledger());
        out.put("detail", s.detail());
        return out;
    }
}
