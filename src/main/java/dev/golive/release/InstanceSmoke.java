package dev.golive.release;

import dev.golive.plan.Environment;
import dev.golive.plan.Instance;
import dev.golive.plan.Scenario;
import dev.golive.scenario.Pause;
import dev.golive.scenario.ScenarioResult;
import dev.golive.scenario.ScenarioRunner;
import dev.golive.scenario.Timeouts;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The instance smoke: a scenario run against one instance directly, not through the balancer,
 * so that it proves this instance. Its result is journaled like {@code golive smoke}'s, with the
 * release it verified.
 */
final class InstanceSmoke {
    private final Crew crew;
    private final Instance instance;
    private final Release release;

    InstanceSmoke(Crew crew, Instance instance, Release release) {
        this.crew = crew;
        this.instance = instance;
        this.release = release;
    }

    /** Runs the scenario; null when it passed, else why it failed. */
    String run(String name) {
        Scenario scenario = crew.plan().scenarios().get(name);
        Integer port = instance.service().httpPort();
        if (scenario == null || port == null) {
            return scenario == null
                    ? "no scenario '" + name + "' in the plan"
                    : "service " + instance.service().name() + " needs http: in the plan for its instance smoke";
        }
        String url = "http://" + instance.host().serviceAddress() + ":" + port;
        Environment direct = crew.environment().withEntry(url);
        ScenarioResult result;
        try (ScenarioRunner runner =
                new ScenarioRunner(crew.plan(), direct, Timeouts.standard(), Pause.sleeping(), new SecureRandom())) {
            result = runner.run(scenario, step -> {});
        }
        journal(result, url);
        return result.failed().map(f -> f.name() + ": " + f.failure()).orElse(null);
    }

    private void journal(ScenarioResult result, String url) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("environment", crew.environment().name());
        data.put("scenario", result.scenario());
        data.put("instance", instance.id());
        data.put("url", url);
        data.put("release", release.version());
        result.failed().ifPresent(f -> {
            data.put("step", f.name());
            data.put("failure", f.failure());
        });
        String kind = result.passed() ? "smoke.passed" : "smoke.failed";
        crew.store()
                .journal()
                .append(
                        null,
                        kind,
                        result.scenario() + " on " + instance.id() + " in "
                                + crew.environment().name(),
                        crew.actor(),
                        Releases.json(data));
    }
}
