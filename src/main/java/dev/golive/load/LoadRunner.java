package dev.golive.load;

import dev.golive.plan.Environment;
import dev.golive.plan.LoadTest;
import dev.golive.plan.Plan;
import dev.golive.scenario.Pause;
import dev.golive.scenario.ScenarioRunner;
import dev.golive.scenario.Timeouts;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/** Runs a load test of a plan, open or closed, against one environment and checks its targets. */
public final class LoadRunner {
    private final Plan plan;
    private final Environment environment;
    private final Timeouts timeouts;

    public LoadRunner(Plan plan, Environment environment, Timeouts timeouts) {
        this.plan = plan;
        this.environment = environment;
        this.timeouts = timeouts;
    }

    /** Runs the test to the end of its phases, printing a status line every second. */
    public LoadResult run(LoadTest test, Consumer<String> console) {
        if (test.mix().isEmpty()) {
            throw new IllegalArgumentException("load test '" + test.name() + "' has no scenarios in its mix");
        }
        Mix mix = new Mix(test.mix(), plan.scenarios());
        Metrics metrics = new Metrics();
        Duration elapsed;
        try (ScenarioRunner runner =
                new ScenarioRunner(plan, environment, timeouts, Pause.sleeping(), new SecureRandom())) {
            elapsed = test.model().equals("open")
                    ? new OpenWorkload(test, runner, mix, metrics, console).run()
                    : new ClosedWorkload(test, runner, mix, metrics, console).run();
        }
        Stats overall = metrics.overall(elapsed);
        Map<String, Stats> transactions = metrics.transactions(elapsed);
        return new LoadResult(
                test.name(),
                elapsed,
                overall,
                transactions,
                metrics.requests(elapsed),
                TargetCheck.verdicts(test, overall, transactions));
    }
}
