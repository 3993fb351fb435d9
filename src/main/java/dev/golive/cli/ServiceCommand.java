package dev.golive.cli;

import dev.golive.plan.Environment;
import dev.golive.plan.Plan;
import dev.golive.target.Hosts;
import dev.golive.target.OutputListener;
import dev.golive.target.ServiceAction;
import dev.golive.target.ServiceOptions;
import dev.golive.target.ServiceOutcome;
import dev.golive.target.Services;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "service",
        description = {
            "Operate a service, or one instance of it: status, start, stop, restart, kill, health, logs,"
                    + " clear-logs, jvm.",
            "Actions that change something (start, stop, restart, kill, clear-logs) are written to the journal."
        })
final class ServiceCommand implements Runnable {
    private final Context context;

    @Mixin
    Reach reach;

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String env;

    @Parameters(index = "1", paramLabel = "SERVICE[/HOST]", description = "The service, or one instance: was/was1.")
    String target;

    @Parameters(
            index = "2",
            paramLabel = "ACTION",
            description = "One of: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Actions.class)
    String action;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "60s",
            description =
                    "stop, restart: how long a graceful stop may take before the kill (default ${DEFAULT-VALUE}).")
    String stopTimeout;

    @Option(
            names = "--deadline",
            paramLabel = "DURATION",
            defaultValue = "120s",
            description = "start, restart, health: how long to wait for the health URL (default ${DEFAULT-VALUE}).")
    String deadline;

    @Option(names = "--expect", paramLabel = "TEXT", description = "health: text the answer must contain.")
    String expect;

    @Option(
            names = "--lines",
            paramLabel = "N",
            defaultValue = "100",
            description = "logs: how many lines of the main log (default ${DEFAULT-VALUE}).")
    int lines;

    @Option(
            names = "--errors",
            description = "logs: only lines with ERROR, SEVERE or Exception (of the last 24 hours, or --since).")
    boolean errors;

    @Option(
            names = "--since",
            paramLabel = "WHEN",
            description = "logs: errors since: 30m, 2h, 2026-12-04, \"2026-12-04 21:00\".")
    String since;

    @Option(names = "--json", description = "Print the outcomes as JSON.")
    boolean json;

    ServiceCommand(Context context) {
        this.context = context;
    }

    /** The action names, for help and completion. */
    static final class Actions extends ArrayList<String> {
        Actions() {
            super(ServiceAction.words());
        }
    }

    @Override
    public void run() {
        ServiceAction what = ServiceAction.of(action);
        if (what == null) {
            throw new UsageException("unknown action '" + action + "'; the actions are " + ServiceAction.words());
        }
        ServiceOptions options = options();
        Plan plan = reach.plan(context);
        Environment environment = Reach.environment(plan, env);
        List<ServiceOutcome> outcomes;
        try (Hosts hosts = reach.hosts(context, plan, environment, OutputListener.NONE)) {
            Services services = new Services(environment, hosts);
            Services.Selection selection = select(services);
            outcomes = act(plan, services, selection, what, options);
        }
        print(plan, outcomes);
        long failed = outcomes.stream().filter(o -> !o.ok()).count();
        if (failed > 0) {
            throw new CheckFailedException(
                    failed + " of " + outcomes.size() + " failed: " + what.word() + " " + target);
        }
    }

    private Services.Selection select(Services services) {
        try {
            return services.select(target);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private List<ServiceOutcome> act(
            Plan plan, Services services, Services.Selection selection, ServiceAction what, ServiceOptions options) {
        if (!what.changes()) {
            return run(services, selection, what, options);
        }
        String actor = reach.actor(context);
        var store = reach.store(context, plan);
        List<ServiceOutcome> outcomes = List.of();
        String failure = null;
        try {
            outcomes = run(services, selection, what, options);
            return outcomes;
        } catch (RuntimeException e) {
            failure = e.getMessage();
            throw e;
        } finally {
            store.journal()
                    .append(
                            null,
                            "service",
                            subject(what, outcomes, failure),
                            actor,
                            Json.write(data(what, outcomes, failure)));
        }
    }

    private static List<ServiceOutcome> run(
            Services services, Services.Selection selection, ServiceAction what, ServiceOptions options) {
        try {
            return services.run(selection, what, options);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private ServiceOptions options() {
        if (lines < 1) {
            throw new UsageException("--lines must be at least 1");
        }
        Duration stop = Reach.duration("--timeout", stopTimeout);
        if (stop.isZero()) {
            throw new UsageException("--timeout must be more than 0s");
        }
        ServiceOptions options = ServiceOptions.defaults()
                .withStopTimeout(stop)
                .withHealthDeadline(Reach.duration("--deadline", deadline))
                .withExpectBody(expect)
                .withLines(lines);
        if (since != null || errors) {
            Clock clock = Clock.systemDefaultZone();
            options = options.withErrorsSince(
                    since == null ? clock.instant().minus(Duration.ofHours(24)) : Since.parse(since, clock));
        }
        return options;
    }

    private String subject(ServiceAction what, List<ServiceOutcome> outcomes, String failure) {
        String head = what.word() + " " + target + " in " + env;
        if (failure != null) {
            return head + ": failed: " + failure;
        }
        long ok = outcomes.stream().filter(ServiceOutcome::ok).count();
        return head + ": " + (ok == outcomes.size() ? "ok" : ok + " ok, " + (outcomes.size() - ok) + " failed");
    }

    private Map<String, Object> data(ServiceAction what, List<ServiceOutcome> outcomes, String failure) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("environment", env);
        out.put("target", target);
        out.put("action", what.word());
        if (failure != null) {
            out.put("failure", failure);
        }
        out.put("outcomes", outcomes.stream().map(ServiceCommand::json).toList());
        return out;
    }

    private void print(Plan plan, List<ServiceOutcome> outcomes) {
        if (json) {
            Json.print(
                    context.out(),
                    outcomes.stream().map(o -> mask(plan, json(o))).toList());
            return;
        }
        for (ServiceOutcome o : outcomes) {
            String host = o.subject().contains("/")
                    ? o.subject().substring(o.subject().indexOf('/') + 1)
                    : o.subject();
            o.output()
                    .lines()
                    .forEach(l ->
                            context.out().println(host + " | " + plan.secrets().mask(l)));
        }
        Table table = new Table("RESULT", "INSTANCE", "DETAIL");
        outcomes.forEach(o ->
                table.row(o.ok() ? "ok" : "FAIL", o.subject(), plan.secrets().mask(o.detail())));
        table.print(context.out());
    }

    private static Map<String, Object> mask(Plan plan, Map<String, Object> json) {
        json.replaceAll((k, v) -> v instanceof String s ? plan.secrets().mask(s) : v);
        return json;
    }

    static Map<String, Object> json(ServiceOutcome o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("subject", o.subject());
        out.put("action", o.action().word());
        out.put("ok", o.ok());
        out.put("detail", o.detail());
        out.put("pids", o.pids());
        if (!o.output().isEmpty()) {
            out.put("output", o.output());
        }
        if (o.jvm() != null) {
            Map<String, Object> jvm = new LinkedHashMap<>();
            jvm.put("pid", o.jvm().pid());
            jvm.put("executable", o.jvm().executable());
            jvm.put("version", o.jvm().version());
            jvm.put("options", o.jvm().options());
            jvm.put("main", o.jvm().main());
            out.put("jvm", jvm);
        }
        out.put("millis", o.duration().toMillis());
        return out;
    }
}
