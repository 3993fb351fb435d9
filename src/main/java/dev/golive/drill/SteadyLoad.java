package dev.golive.drill;

import dev.golive.load.LoadRunner;
import dev.golive.plan.Drill;
import dev.golive.plan.Environment;
import dev.golive.plan.LoadTest;
import dev.golive.plan.Plan;
import dev.golive.scenario.Timeouts;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The drill's steady load: its scenario at its rate, open model, run by the load engine in a
 * thread of its own until the drill stops it.
 */
final class SteadyLoad implements AutoCloseable {
    // Longer than any drill: the drill ends the load, not its phase.
    private static final Duration UNTIL_STOPPED = Duration.ofDays(1);

    private final LoadRunner runner;
    private final Thread thread;
    private volatile String failure;

    SteadyLoad(Plan plan, Environment env, Drill drill, Timeline timeline) {
        this.runner = new LoadRunner(plan, env, new Timeouts(drill.timeout(), drill.timeout()));
        LoadTest test = new LoadTest(
                "drill " + drill.name(),
                Map.of(drill.scenario(), 100.0),
                "open",
                List.of(new LoadTest.Phase(drill.rate(), drill.rate(), UNTIL_STOPPED)),
                null,
                Map.of(),
                null,
                null,
                List.of(),
                LoadTest.MAX_USERS,
                drill.location());
        this.thread = new Thread(() -> run(test, timeline), "golive-drill-load");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run(LoadTest test, Timeline timeline) {
        try {
            runner.run(test, timeline);
        } catch (RuntimeException e) {
            failure = "the drill's load failed: " + e.getMessage();
        }
    }

    /** Why the load failed, or null. */
    String failure() {
        return failure;
    }

    @Override
    public void close() {
        runner.stop("the drill is over");
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
