package dev.golive.scenario;

import dev.golive.plan.Plan;
import dev.golive.plan.PlanLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Runs scenarios of a plan written by a test against one environment {@code test}, without sleeping. */
final class Scenarios {
    final List<Duration> pauses = new ArrayList<>();
    private final Plan plan;

    Scenarios(Path dir, String entry, String scenariosYaml) {
        this(load(dir, "test: { entry: \"" + entry + "\" }\n", scenariosYaml));
    }

    private Scenarios(Plan plan) {
        this.plan = plan;
    }

    /** Scenarios run against environment {@code test} of the environments written in YAML. */
    static Scenarios withEnvironments(Path dir, String environmentsYaml, String scenariosYaml) {
        return new Scenarios(load(dir, environmentsYaml, scenariosYaml));
    }

    private static Plan load(Path dir, String environmentsYaml, String scenariosYaml) {
        try {
            String yaml = "system: shop\nenvironments:\n" + environmentsYaml.indent(2) + "scenarios:\n"
                    + scenariosYaml.indent(2);
            Path file = Files.writeString(dir.resolve("golive.yaml"), yaml);
            return new PlanLoader(Map.of(), null).load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ScenarioResult run(String scenario) {
        return runner(r -> r.run(plan.scenarios().get(scenario), s -> {}));
    }

    /** Runs the scenario several times on one runner, as successive virtual users. */
    List<ScenarioResult> runTimes(String scenario, int times) {
        return runner(r -> {
            List<ScenarioResult> out = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                out.add(r.run(plan.scenarios().get(scenario), s -> {}));
            }
            return out;
        });
    }

    /** Runs the scenario several times as one virtual user. */
    List<ScenarioResult> runAsOneUser(String scenario, int times) {
        return runner(r -> {
            try (ScenarioRunner.User user = r.user()) {
                List<ScenarioResult> out = new ArrayList<>();
                for (int i = 0; i < times; i++) {
                    out.add(user.run(plan.scenarios().get(scenario), s -> {}));
                }
                return out;
            }
        });
    }

    /** Runs the scenario once, as if it started {@code late} after it was meant to. */
    ScenarioResult runLate(String scenario, Duration late) {
        return runner(r -> {
            try (ScenarioRunner.User user = r.user()) {
                return user.run(plan.scenarios().get(scenario), s -> {}, late);
            }
        });
    }

    dev.golive.plan.Scenario scenario(String name) {
        return plan.scenarios().get(name);
    }

    <T> T runner(java.util.function.Function<ScenarioRunner, T> work) {
        Timeouts timeouts = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
        try (ScenarioRunner runner = new ScenarioRunner(
                plan, plan.environment("test").orElseThrow(), timeouts, pauses::add, new Random(7))) {
            return work.apply(runner);
        }
    }
}
