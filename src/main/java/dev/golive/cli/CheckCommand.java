package dev.golive.cli;

import dev.golive.check.CheckResult;
import dev.golive.check.Readiness;
import dev.golive.plan.Environment;
import dev.golive.plan.Plan;
import dev.golive.release.ArtifactStore;
import dev.golive.release.Inspection;
import dev.golive.release.InstanceState;
import dev.golive.release.Ledger;
import dev.golive.release.Releases;
import dev.golive.store.Store;
import dev.golive.target.Hosts;
import dev.golive.target.OutputListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "check",
        description = {
            "The readiness check of an environment: every host (reachable, SSH, disk, memory, clock), every"
                    + " instance (running, port, health, Java version, JVM options), every database and"
                    + " endpoint, and the plan's checks.",
            "Exits 1 when anything is red. The results are written to the journal."
        })
final class CheckCommand implements Runnable {
    private final Context context;

    @Mixin
    Reach reach;

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String env;

    @Option(
            names = "--disk-free",
            paramLabel = "PERCENT",
            defaultValue = "10%",
            description = "The least free disk space on the paths that matter (default ${DEFAULT-VALUE}).")
    String diskFree;

    @Option(
            names = "--memory-free",
            paramLabel = "PERCENT",
            defaultValue = "5%",
            description = "The least available memory (default ${DEFAULT-VALUE}).")
    String memoryFree;

    @Option(
            names = "--clock-offset",
            paramLabel = "DURATION",
            defaultValue = "2s",
            description = "The largest clock difference from this machine (default ${DEFAULT-VALUE}).")
    String clockOffset;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "30s",
            description = "How long each probe on a host may take (default ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    CheckCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        Readiness.Limits limits = limits();
        Plan plan = reach.plan(context);
        Environment environment = Reach.environment(plan, env);
        Store store = reach.store(context, plan);
        Readiness.Report report;
        try (Hosts hosts = reach.hosts(context, plan, environment, OutputListener.NONE)) {
            report = deployed(new Readiness(plan, environment, hosts, limits).run(), plan, environment, hosts, store);
        }
        long red = report.red();
        int total = report.results().size();
        String summary =
                env + ": " + (total - red) + " green, " + red + " red" + (red == 0 ? ": ready" : ": NOT ready");
        store.journal().append(null, "check", summary, reach.actor(context), Json.write(json(report, summary)));
        if (json) {
            Json.print(context.out(), mask(plan, json(report, summary)));
        } else {
            print(plan, report, summary);
        }
        if (red > 0) {
            throw new CheckFailedException(red + " of " + total + " checks are red");
        }
    }

    /**
     * The deployed version of every instance golive has deployed to, by the ledger, checked
     * against the bytes on the host: green when they are the release the ledger says, red on drift,
     * a deploy that stopped halfway or failed, or a host that could not be asked. Instances golive
     * never deployed to are left out: their version is not golive's to know.
     */
    private static Readiness.Report deployed(
            Readiness.Report report, Plan plan, Environment environment, Hosts hosts, Store store) {
        Clock clock = Clock.systemDefaultZone();
        List<CheckResult> results = new ArrayList<>();
        Instant start = clock.instant();
        List<InstanceState> states = new Inspection(
                        environment,
                        hosts,
                        new Releases(store, new ArtifactStore(plan.artifactDirectory()), clock),
                        new Ledger(store, clock))
                .inspect();
        Duration took = Duration.between(start, clock.instant());
        for (InstanceState s : states) {
            if (!s.state().equals(InstanceState.NONE)) {
                String detail = s.ok() ? "runs " + s.ledger() + ": " + s.detail() : s.state() + ": " + s.detail();
                results.add(new CheckResult("deployed version", s.instance(), s.ok(), detail, took));
            }
        }
        if (results.isEmpty()) {
            return report;
        }
        List<Readiness.Group> groups = new ArrayList<>(report.groups());
        groups.add(new Readiness.Group("releases", "releases", results));
        return new Readiness.Report(report.environment(), groups);
    }

    private Readiness.Limits limits() {
        Duration probe = Reach.duration("--timeout", timeout);
        if (probe.isZero()) {
            throw new UsageException("--timeout must be more than 0s");
        }
        return new Readiness.Limits(
                percent("--disk-free", diskFree),
                percent("--memory-free", memoryFree),
                Reach.duration("--clock-offset", clockOffset),
                probe);
    }

    private static int percent(String option, String text) {
        String t = text.strip();
        try {
            int value = Integer.parseInt(
                    t.endsWith("%") ? t.substring(0, t.length() - 1).strip() : t);
            if (value >= 0 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("bad " + option + " '" + text + "': give a whole percentage from 0% to 100%");
    }

    private void print(Plan plan, Readiness.Report report, String summary) {
        Table table = new Table("", "GROUP", "SUBJECT", "CHECK", "DETAIL");
        for (Readiness.Group group : report.groups()) {
            String title = group.kind().equals(group.name()) ? group.name() : group.kind() + " " + group.name();
            for (CheckResult r : group.results()) {
                table.row(
                        r.ok() ? "ok" : "FAIL",
                        title,
                        r.subject(),
                        r.check(),
                        plan.secrets().mask(r.detail()));
                title = "";
            }
        }
        table.print(context.out());
        context.out().println();
        context.out().println(summary);
    }

    private static Map<String, Object> json(Readiness.Report report, String summary) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("environment", report.environment());
        out.put("ready", report.ready());
        out.put("green", report.results().size() - report.red());
        out.put("red", report.red());
        out.put("summary", summary);
        out.put("groups", report.groups().stream().map(CheckCommand::json).toList());
        return out;
    }

    private static Map<String, Object> json(Readiness.Group group) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", group.kind());
        out.put("name", group.name());
        out.put("results", group.results().stream().map(CheckCommand::json).toList());
        return out;
    }

    private static Map<String, Object> json(CheckResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("check", r.check());
        out.put("subject", r.subject());
        out.put("ok", r.ok());
        out.put("detail", r.detail());
        out.put("millis", r.duration().toMillis());
        return out;
    }

    private static Object mask(Plan plan, Map<String, Object> json) {
        return Json.tree(plan.secrets().mask(Json.write(json)));
    }
}
