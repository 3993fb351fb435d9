package dev.golive.load;

import dev.golive.plan.LoadTest;
import dev.golive.plan.Scenario;
import dev.golive.scenario.ScenarioRunner;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The closed model: a number of virtual users, following the test's phases, each running
 * iterations of the scenario mix back to back (or no faster than the scenario's pacing).
 */
final class ClosedWorkload {
    private static final long TICK = Duration.ofMillis(100).toNanos();
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final LoadTest test;
    private final ScenarioRunner runner;
    private final Mix mix;
    private final Metrics metrics;
    private final Consumer<String> console;
    private final Set<Integer> running = ConcurrentHashMap.newKeySet();
    private volatile int wanted;
    private volatile boolean done;

    ClosedWorkload(LoadTest test, ScenarioRunner runner, Mix mix, Metrics metrics, Consumer<String> console) {
        this.test = test;
        this.runner = runner;
        this.mix = mix;
        this.metrics = metrics;
        this.console = console;
    }

    /** Runs the phases to their end, then lets every user finish its iteration; returns how long it took. */
    Duration run() {
        long start = System.nanoTime();
        long total = test.duration().toNanos();
        try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            long nextLine = SECOND;
            long elapsed;
            while ((elapsed = System.nanoTime() - start) < total) {
                wanted = Phases.level(test.phases(), Duration.ofNanos(elapsed));
                for (int i = 0; i < wanted; i++) {
                    int id = i;
                    if (running.add(id)) {
                        users.submit(() -> user(id));
                    }
                }
                if (elapsed >= nextLine) {
                    console.accept(StatusLine.of(
                            Duration.ofNanos(elapsed), test.duration(), "users " + running.size(), metrics));
                    nextLine += SECOND;
                }
                LockSupport.parkNanos(Math.min(TICK, total - elapsed));
            }
            done = true;
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void user(int id) {
        try (ScenarioRunner.User user = runner.user()) {
            while (!done && id < wanted) {
                iteration(user, mix.pick());
            }
        } finally {
            running.remove(id);
        }
    }

    private void iteration(ScenarioRunner.User user, Scenario scenario) {
        long start = System.nanoTime();
        user.run(scenario, metrics::record);
        if (scenario.pacing() != null) {
            long left = scenario.pacing().toNanos() - (System.nanoTime() - start);
            while (left > 0 && !done) {
                LockSupport.parkNanos(Math.min(left, TICK));
                left = scenario.pacing().toNanos() - (System.nanoTime() - start);
            }
        }
    }
}
