package dev.golive.load;

import dev.golive.plan.LoadTest;
import dev.golive.scenario.ScenarioRunner;
import dev.golive.scenario.UserThreads;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The open model: scenario iterations start at the rate of the phases, each as a new virtual user,
 * whether or not earlier ones have finished. Each is timed from its intended start, so a slow
 * server shows in full even when the generator falls behind (no coordinated omission). When the
 * test's {@code maxUsers} are running, further arrivals are dropped and counted.
 */
final class OpenWorkload implements Workload {
    private static final long TICK = Duration.ofMillis(100).toNanos();

    private final LoadTest test;
    private final ScenarioRunner runner;
    private final Mix mix;
    private final Metrics metrics;
    private final Generator generator;
    private final AtomicInteger active = new AtomicInteger();
    private final java.util.List<LoadTest.Phase> phases;
    private final int maxUsers;
    private Waits waits;
    private volatile boolean done;

    OpenWorkload(LoadTest test, ScenarioRunner runner, Mix mix, Metrics metrics, Generator generator, Part part) {
        this.test = test;
        this.phases = part.rates(test.phases());
        this.maxUsers = Math.max(1, part.users(test.maxUsers()));
        this.runner = runner;
        this.mix = mix;
        this.metrics = metrics;
        this.generator = generator;
    }

    @Override
    public Duration run(Control control) {
        long start = System.nanoTime();
        long total = test.duration().toNanos();
        UserThreads arrivals = runner.userThreads();
        waits = new Waits();
        try {
            long intended = Phases.nextArrival(phases, -1, total);
            long now;
            while ((now = System.nanoTime() - start) < total && !control.stopped()) {
                if (intended < total && intended <= now) {
                    long at = start + intended;
                    if (active.incrementAndGet() > maxUsers) {
                        active.decrementAndGet();
                        generator.dropped();
                    } else {
                        ScenarioRunner.User user = runner.user();
                        arrivals.of(user).execute(() -> arrival(user, arrivals.of(user), at));
                    }
                    intended = Phases.nextArrival(phases, intended, total);
                } else {
                    LockSupport.parkNanos(Math.min(Math.min(TICK, total - now), Math.max(intended - now, 1)));
                }
            }
        } finally {
            done = true;
            if (control.stopped()) {
                metrics.close();
                arrivals.shutdownNow();
            }
            waits.end();
            arrivals.close();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void arrival(ScenarioRunner.User user, Executor threads, long intendedStart) {
        ScenarioRunner.User.Iteration iteration;
        try {
            Duration late = Duration.ofNanos(Math.max(0, System.nanoTime() - intendedStart));
            generator.arrived(late);
            iteration = user.begin(mix.pick(), metrics::record, late);
        } catch (RuntimeException | Error e) {
            user.close();
            active.decrementAndGet();
            throw e;
        }
        proceed(user, threads, iteration);
    }

    /** Runs the arrival's scenario up to its end or its next think time, see {@link Waits}. */
    private void proceed(ScenarioRunner.User user, Executor threads, ScenarioRunner.User.Iteration iteration) {
        boolean waiting = false;
        try {
            if (!done) {
                long thinkingUntil = iteration.proceed();
                if (!iteration.ended()) {
                    waiting = waits.at(thinkingUntil, threads, () -> proceed(user, threads, iteration));
                    return;
                }
                generator.ended(iteration.passed());
            }
        } finally {
            if (!waiting) {
                try {
                    iteration.abandon();
                    user.close();
                } finally {
                    active.decrementAndGet();
                }
            }
        }
    }

    @Override
    public int active() {
        return active.get();
    }

    @Override
    public double wanted(long nanos) {
        return Phases.rate(phases, nanos);
    }

    @Override
    public String unit() {
        return "/s";
    }
}
