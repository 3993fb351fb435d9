package dev.golive.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.golive.drill.BlastRadius;
import dev.golive.drill.DrillException;
import dev.golive.drill.DrillListener;
import dev.golive.drill.DrillResult;
import dev.golive.drill.Drills;
import dev.golive.plan.Drill;
import dev.golive.plan.Environment;
import dev.golive.plan.Plan;
import dev.golive.report.DrillReport;
import dev.golive.store.Store;
import dev.golive.target.Hosts;
import dev.golive.target.OutputListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "drill",
        description = {
            "Run an availability drill under steady load: take instances down, measure, restore.",
            "Refuses a drill beyond the services' survivable: unless --beyond-survivable --reason.",
            "Exits 1 when a drill is not survived. `golive drill restore ENV` finishes a restore after a crash."
        },
        subcommands = DrillRestoreCommand.class)
final class DrillCommand implements Runnable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Context context;

    @Mixin
    Reach reach;

    // Optional to picocli, so that `drill restore ENV` is not refused for the missing ENV of `drill`.
    @Parameters(index = "0", arity = "0..1", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "The drill (or --all).")
    String name;

    @Option(names = "--all", description = "Every drill of the plan in turn: the survivability matrix.")
    boolean all;

    @Option(names = "--json", description = "Print the results as JSON; progress goes to standard error.")
    boolean json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML, one test case per verdict.")
    String junit;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Also write the HTML report: timelines, detection and recovery, verdicts.")
    String output;

    @Option(
            names = "--beyond-survivable",
            description = "Run a drill that takes down more instances than survivable: allows; needs --reason.")
    boolean beyond;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the journal.")
    String reason;

    DrillCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        if (environment == null) {
            throw new UsageException("give the environment and the drill: golive drill ENV NAME, or ENV --all");
        }
        if (all == (name != null)) {
            throw new UsageException("give a drill's NAME or --all, not " + (all ? "both" : "neither"));
        }
        if (beyond && (reason == null || reason.isBlank())) {
            throw new UsageException("--beyond-survivable needs --reason \"why\": it is written to the journal");
        }
        Plan plan = reach.plan(context);
        Environment env = Reach.environment(plan, environment);
        List<Drill> drills = chosen(plan);
        Store store = reach.store(context, plan);
        String actor = reach.actor(context);
        List<DrillResult> results = new ArrayList<>();
        try (Hosts hosts = reach.hosts(context, plan, env, OutputListener.NONE)) {
            Drills engine = new Drills(plan, env, hosts, store, actor);
            refuse(engine, drills);
            CountDownLatch finished = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                engine.stop("interrupted by the operator");
                awaitQuietly(finished);
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                for (Drill d : drills) {
                    results.add(engine.run(d, beyond ? reason : null, listener()));
                }
            } catch (DrillException e) {
                // Refused before its fault (another drill runs): nothing was done.
                throw new UsageException(e.getMessage());
            } finally {
                finished.countDown();
                removeQuietly(hook);
            }
        }
        report(env, results);
    }

    private List<Drill> chosen(Plan plan) {
        if (all) {
            if (plan.drills().isEmpty()) {
                throw new UsageException("the plan has no drills: declare them under drills:");
            }
            return List.copyOf(plan.drills().values());
        }
        Drill d = plan.drills().get(name);
        if (d == null) {
            throw new UsageException("no drill '" + name + "' in the plan; expected one of "
                    + plan.drills().keySet());
        }
        return List.of(d);
    }

    /** Every drill is checked before the first runs, so a matrix never stops half-way on a refusal. */
    private void refuse(Drills engine, List<Drill> drills) {
        List<String> refused = new ArrayList<>();
        try {
            for (Drill d : drills) {
                BlastRadius radius = engine.blastRadius(d);
                if (!radius.withinSurvivable() && !beyond) {
                    refused.add("drill " + d.name() + " would take down " + String.join("; ", radius.beyond()));
                }
                engine.check(d);
            }
        } catch (DrillException e) {
            throw new UsageException(e.getMessage());
        }
        if (!refused.isEmpty()) {
            throw new UsageException(String.join("\n", refused)
                    + "\nrefused: a drill takes down at most what the service survives; to run it anyway give"
                    + " --beyond-survivable --reason \"why\" (written to the journal)");
        }
    }

    private DrillListener listener() {
        return new DrillListener() {
            @Override
            public void phase(String line) {
                if (context.terminal() && !json) {
                    context.out().print("\r\u001b[K");
                }
                progress().println(line);
            }

            @Override
            public void status(String line) {
                if (context.terminal() && !json) {
                    context.out().print("\r" + line + "\u001b[K");
                    context.out().flush();
                }
            }
        };
    }

    private java.io.PrintWriter progress() {
        return json ? context.err() : context.out();
    }

    private void report(Environment env, List<DrillResult> results) {
        List<JsonNode> nodes =
                results.stream().map(r -> (JsonNode) JSON.valueToTree(r.json())).toList();
        String title = "Drills on " + env.name()
                + (results.size() == 1 ? ": " + results.get(0).drill() : "");
        DrillReport report = new DrillReport(title, nodes);
        if (junit != null) {
            write(context.resolve(junit), report.junit());
        }
        if (output != null) {
            write(context.resolve(output), report.html());
        }
        if (json) {
            Json.print(context.out(), results.stream().map(DrillResult::json).toList());
        } else {
            DrillPrinter.print(context.out(), results);
        }
        List<String> lost = results.stream()
                .filter(r -> !r.survived())
                .map(r -> r.drill() + " (run " + r.runId() + "): " + String.join("; ", r.problems()))
                .toList();
        if (!lost.isEmpty()) {
            throw new CheckFailedException("not survived on " + env.name() + ": " + String.join("\n", lost));
        }
    }

    private void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        (json ? context.err() : context.out()).println("Wrote " + file);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running and waits for the restore
        }
    }
}
