package dev.golive.cli;

import dev.golive.plan.Environment;
import dev.golive.plan.Instance;
import dev.golive.plan.Plan;
import dev.golive.release.DeployListener;
import dev.golive.release.DeployReport;
import dev.golive.release.Deployer;
import dev.golive.release.InstanceResult;
import dev.golive.release.ReleaseException;
import dev.golive.runbook.Protection;
import dev.golive.target.Hosts;
import dev.golive.target.OutputListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options and the course shared by {@code golive deploy} and {@code golive rollback}. */
final class Rollout {
    @Mixin
    Reach reach;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment.")
    String env;

    @Option(
            names = "--service",
            paramLabel = "S",
            description =
                    "Only this service (default: every service with a" + " deploy: map, else every tomcat service).")
    String service;

    @Option(
            names = "--batch",
            paramLabel = "N",
            defaultValue = "1",
            description = "How many instances at once (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--yes", description = "Production without typing its name back (for scripts).")
    boolean yes;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    /** Opens what a rollout needs, confirms a protected environment, runs {@code work} and prints its report. */
    void run(Context context, String what, Function<Session, DeployReport> work) {
        Plan plan = reach.plan(context);
        Environment environment = Reach.environment(plan, env);
        ReleaseCommand.Shelf shelf = ReleaseCommand.Shelf.open(context, reach.workspace, plan);
        String actor = reach.actor(context);
        DeployReport report;
        try (Hosts hosts = reach.hosts(context, plan, environment, OutputListener.NONE)) {
            Deployer deployer = new Deployer(
                    plan,
                    environment,
                    hosts,
                    shelf.store(),
                    shelf.releases(),
                    shelf.ledger(),
                    actor,
                    json ? DeployListener.NONE : printer(context));
            Session session = new Session(plan, environment, shelf, deployer, actor);
            report = work.apply(session);
        } catch (ReleaseException e) {
            throw new UsageException(e.getMessage());
        }
        print(context, report);
        if (!report.passed()) {
            throw new CheckFailedException(what + " " + report.version() + " to " + env + " " + report.outcome()
                    + " (run " + report.runId() + "); see golive deployed " + env);
        }
    }

    /** What a rollout works with. */
    record Session(Plan plan, Environment environment, ReleaseCommand.Shelf shelf, Deployer deployer, String actor) {
        List<Instance> instances(String service) {
            return deployer.instances(service);
        }
    }

    /** Asks for the environment's name when it is production, unless {@code --yes}. */
    void confirm(Context context, Session s, String question) {
        if (yes || !Protection.isProtected(s.plan(), s.environment())) {
            return;
        }
        String answer = new ConsoleOperator(context).ask(question + " Type the environment's name to go on: ");
        if (answer == null || !answer.strip().equals(s.environment().name())) {
            throw new CheckFailedException(
                    "not confirmed: " + s.environment().name() + " was not typed back;" + " nothing was deployed");
        }
    }

    int batch() {
        if (batch < 1) {
            throw new UsageException("--batch must be at least 1");
        }
        return batch;
    }

    private static DeployListener printer(Context context) {
        return (instance, step, ok, detail) -> {
            synchronized (context.out()) {
                context.out().println(instance + ": " + step + (ok ? "" : " FAILED") + " - " + detail);
            }
        };
    }

    private void print(Context context, DeployReport report) {
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("run", report.runId());
            out.put("environment", report.environment());
            out.put("version", report.version());
            out.put("action", report.action());
            out.put("outcome", report.outcome());
            out.put("instances", report.instances().stream().map(Rollout::json).toList());
            Json.print(context.out(), out);
            return;
        }
        context.out().println();
        Table t = new Table("RESULT", "INSTANCE", "RUNS", "DETAIL");
        report.instances().forEach(i -> t.row(i.outcome().word(), i.instance(), i.version(), i.detail()));
        t.print(context.out());
        context.out()
                .println(report.action() + " " + report.version() + " to " + report.environment() + ": "
                        + report.outcome() + " (run " + report.runId() + ")");
    }

    private static Map<String, Object> json(InstanceResult i) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instance", i.instance());
        out.put("outcome", i.outcome().word());
        out.put("version", i.version());
        out.put("detail", i.detail());
        return out;
    }
}
