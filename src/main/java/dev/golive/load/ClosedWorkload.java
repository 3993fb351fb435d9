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

/**
 * The closed model: a number of virtual users, following the test's phases, each running
 * iterations of the scenario mix back to back (or no faster than the scenario's pacing). With
 * pacing, an iteration that starts after its intended start (because the one before overran) is
 * charged with the delay.
 */
final class ClosedWorkload implements Workload {
    private static final long TICK = Duration.ofMillis(100).toNanos();

    private final LoadTest test;
    private final ScenarioRunner runner;
    private final Mix mix;
    private final Metrics metrics;
    private final Generator generator;
    private final Set<Integer> running = ConcurrentHashMap.newKeySet();
    private volatile int wanted;
    private volatile boolean done;
    private final Part part;

    ClosedWorkload(LoadTest test, ScenarioRunner runner, Mix mix, Metrics metrics, Generator generator, Part part) {
        this.test = test;
        this.part = part;
        this.runner = runner;
        this.mix = mix;
        this.metrics = metrics;
        this.generator = generator;
    }

    @Override
    public Duration run(Control control) {
        long start = System.nanoTime();
        long total = test.duration().toNanos();
        ExecutorService users = Executors.newVirtualThreadPerTaskExecutor();
        try {
            long elapsed;
            while ((elapsed = System.nanoTime() - start) < total && !control.stopped()) {
                wanted = part.users(Phases.level(test.phases(), Duration.ofNanos(elapsed)));
                // With as many running as wanted there is no one to start (and no id to box for
                // each of thousands of users ten times a second). A user that failed below the
                // level while users above it wind down is started again once they have ended.
                for (int i = 0; i < wanted && running.size() < wanted; i++) {
                    int id = i;
                    if (running.add(id)) {
                        users.submit(() -> user(id));
                    }
                }
                LockSupport.parkNanos(Math.min(TICK, total - elapsed));
            }
        } finally {
            done = true;
            if (control.stopped()) {
                metrics.close();
                users.shutdownNow();
            }
            users.close();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void user(int id) {
        try (ScenarioRunner.User user = runner.user()) {
            long intended = System.nanoTime();
            // Only a paced iteration sets when the next one is meant to start; without pacing the
            // next starts when this one ends, and is never late.
            boolean scheduled = false;
            while (!done && id < wanted) {
                Scenario scenario = mix.pick();
                Duration late = scheduled ? Duration.ofNanos(Math.max(0, System.nanoTime() - intended)) : Duration.ZERO;
                generator.arrived(Duration.ZERO);
                generator.ended(user.run(scenario, metrics::record, late));
                scheduled = scenario.pacing() != null;
                intended = scheduled ? intended + scenario.pacing().toNanos() : System.nanoTime();
                pace(intended);
            }
        } finally {
            running.remove(id);
        }
    }

    private void pace(long until) {
        long left;
        while ((left = until - System.nanoTime()) > 0 && !done) {
            LockSupport.parkNanos(Math.min(left, TICK));
        }
    }

    @Override
    public int active() {
        return running.size();
    }

    @Override
    public double wanted(long nanos) {
        return part.users(Phases.level(test.phases(), Duration.ofNanos(nanos)));
    }

    @Override
    public String unit() {
        return " users";
    }
}
