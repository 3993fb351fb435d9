package dev.golive.load;

import dev.golive.plan.LoadTest;
import dev.golive.scenario.ScenarioRunner;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The open model: scenario iterations start at the rate of the phases, each as a new virtual user,
 * whether or not earlier ones have finished. Each is timed from its intended start, so a slow
 * server shows in full even when the generator falls behind (no coordinated omission).
 */
final class OpenWorkload {
    private static final long TICK = Duration.ofMillis(100).toNanos();
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final LoadTest test;
    private final ScenarioRunner runner;
    private final Mix mix;
    private final Metrics metrics;
    private final Consumer<String> console;
    private final AtomicInteger active = new AtomicInteger();

    OpenWorkload(LoadTest test, ScenarioRunner runner, Mix mix, Metrics metrics, Consumer<String> console) {
        this.test = test;
        this.runner = runner;
        this.mix = mix;
        this.metrics = metrics;
        this.console = console;
    }

    /** Starts arrivals to the end of the phases, then waits for those running; returns how long it took. */
    Duration run() {
        long start = System.nanoTime();
        long total = test.duration().toNanos();
        try (ExecutorService arrivals = Executors.newVirtualThreadPerTaskExecutor()) {
            long intended = Phases.nextArrival(test.phases(), -1, total);
            long nextLine = SECOND;
            long now;
            while ((now = System.nanoTime() - start) < total) {
                if (now >= nextLine) {
                    console.accept(status(now));
                    nextLine += SECOND;
                }
                if (intended < total && intended <= now) {
                    long at = start + intended;
                    arrivals.submit(() -> arrival(at));
                    intended = Phases.nextArrival(test.phases(), intended, total);
                } else {
                    LockSupport.parkNanos(Math.min(Math.min(TICK, total - now), Math.max(intended - now, 1)));
                }
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void arrival(long intendedStart) {
        active.incrementAndGet();
        try (ScenarioRunner.User user = runner.user()) {
            Duration late = Duration.ofNanos(Math.max(0, System.nanoTime() - intendedStart));
            user.run(mix.pick(), metrics::record, late);
        } finally {
            active.decrementAndGet();
        }
    }

    private String status(long elapsed) {
        String load =
                String.format(Locale.ROOT, "rate %.1f/s  users %d", Phases.rate(test.phases(), elapsed), active.get());
        return StatusLine.of(Duration.ofNanos(elapsed), test.duration(), load, metrics);
    }
}
