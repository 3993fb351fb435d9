package dev.golive.cli;

import dev.golive.plan.Environment;
import dev.golive.plan.Plan;
import dev.golive.plan.Scenario;
import dev.golive.release.Ledger;
import dev.golive.scenario.Pause;
import dev.golive.scenario.ScenarioResult;
import dev.golive.scenario.ScenarioRunner;
import dev.golive.scenario.Timeouts;
import dev.golive.store.Store;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "smoke",
        description = {
            "Run scenarios once against an environment, with their checks: the integration test.",
            "Prints one line per step; a failing step's request and response are shown in full."
        })
final class SmokeCommand implements Runnable {
    private final Context context;

    @Mixin
    Workspace workspace;

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment whose entry is used.")
    String environment;

    @Parameters(index = "1..*", paramLabel = "SCENARIO", description = "Scenarios to run (default: all).")
    List<String> scenarios = new ArrayList<>();

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "How long to wait for a response (default: ${DEFAULT-VALUE}).",
            defaultValue = "60")
    int timeout;

    @Option(names = "--no-think", description = "Skip think times.")
    boolean noThink;

    SmokeCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        Plan plan = workspace.plan(context);
        Environment env = Workspace.environment(plan, environment);
        List<Scenario> chosen = chosen(plan);
        refuseMissingSecrets(plan);
        Store store = workspace.open(context, plan);
        String actor = workspace.actor(context);
        SmokePrinter printer = new SmokePrinter(context.out(), plan.secrets());
        String release = deployedRelease(store, env);
        int failed = 0;
        try (ScenarioRunner runner = new ScenarioRunner(plan, env, timeouts(), pause(), new SecureRandom())) {
            for (Scenario scenario : chosen) {
                printer.start(env.name(), scenario.name());
                ScenarioResult result = runner.run(scenario, printer::step);
                printer.end(result);
                journal(store, actor, env, release, result);
                failed += result.passed() ? 0 : 1;
            }
        }
        if (failed > 0) {
            throw new CheckFailedException(
                    "smoke " + env.name() + ": " + failed + " of " + chosen.size() + " scenarios failed");
        }
        context.out().println("smoke " + env.name() + ": all " + chosen.size() + " scenarios passed");
    }

    private List<Scenario> chosen(Plan plan) {
        if (plan.scenarios().isEmpty()) {
            throw new UsageException("the plan has no scenarios; see docs/plan.md section 12");
        }
        if (scenarios.isEmpty()) {
            return List.copyOf(plan.scenarios().values());
        }
        List<Scenario> out = new ArrayList<>();
        for (String name : scenarios) {
            Scenario s = plan.scenarios().get(name);
            if (s == null) {
                throw new UsageException("no scenario '" + name + "' in the plan; expected one of "
                        + plan.scenarios().keySet());
            }
            out.add(s);
        }
        return out;
    }

    private static void refuseMissingSecrets(Plan plan) {
        plan.secrets().missing().stream()
                .filter(m -> m.contains(": scenarios.") || m.contains(".entry: "))
                .findFirst()
                .ifPresent(m -> {
                    throw new UsageException(m + "; the scenarios cannot run without it");
                });
    }

    private Timeouts timeouts() {
        if (timeout <= 0) {
            throw new UsageException("--timeout must be a positive number of seconds, got " + timeout);
        }
        return new Timeouts(Duration.ofSeconds(Math.min(timeout, 10)), Duration.ofSeconds(timeout));
    }

    private Pause pause() {
        return noThink ? d -> {} : Pause.sleeping();
    }

    /** The release every instance of the environment runs by the ledger, or null when they differ or none. */
    private static String deployedRelease(Store store, Environment env) {
        Set<String> versions = new HashSet<>();
        new Ledger(store, Clock.systemUTC()).current(env.name()).values().forEach(e -> versions.add(e.version()));
        return versions.size() == 1 ? versions.iterator().next() : null;
    }

    private static void journal(Store store, String actor, Environment env, String release, ScenarioResult result) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("environment", env.name());
        if (release != null) {
            data.put("release", release);
        }
        data.put("scenario", result.scenario());
        data.put(
                "steps",
                result.steps().stream().filter(s -> s.kind().equals("request")).count());
        result.failed().ifPresent(f -> {
            data.put("step", f.name());
            data.put("failure", f.failure());
        });
        String kind = result.passed() ? "smoke.passed" : "smoke.failed";
        store.journal().append(null, kind, result.scenario() + " on " + env.name(), actor, Json.write(data));
    }
}
