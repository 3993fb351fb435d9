package dev.golive.load;

import dev.golive.plan.LoadTest;
import dev.golive.plan.Scenario;
import dev.golive.scenario.ScenarioRunner;
import dev.golive.scenario.StepResult;
import dev.golive.scenario.UserThreads;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

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
    /**
     * Whether users' requests go without a thread waiting for their responses: where users' threads
     * run on the event loops, so that a user runs on its loop either way (see {@link UserThreads}).
     */
    private static final boolean UNWAITED = UserThreads.onEventLoops();
    /** A little longer than any request may take once the test is over: its timeout and then some. */
    private static final Duration SLACK = Duration.ofSeconds(10);

    /** The users that have not left yet, by their ids. */
    private final Map<Integer, Seat> running = new ConcurrentHashMap<>();

    private Waits waits;
    private volatile int wanted;
    private volatile boolean done;
    private final Part part;
    /** Where users' step results go: made once, not for each iteration. */
    private final Consumer<StepResult> record;

    ClosedWorkload(LoadTest test, ScenarioRunner runner, Mix mix, Metrics metrics, Generator generator, Part part) {
        this.test = test;
        this.part = part;
        this.runner = runner;
        this.mix = mix;
        this.metrics = metrics;
        this.generator = generator;
        this.record = metrics::record;
    }

    @Override
    public Duration run(Control control) {
        long start = System.nanoTime();
        long total = test.duration().toNanos();
        UserThreads users = runner.userThreads();
        waits = new Waits();
        try {
            long elapsed;
            while ((elapsed = System.nanoTime() - start) < total && !control.stopped()) {
                wanted = part.users(Phases.level(test.phases(), Duration.ofNanos(elapsed)));
                // With as many running as wanted there is no one to start (and no id to box for
                // each of thousands of users ten times a second). A user that failed below the
                // level while users above it wind down is started again once they have ended.
                for (int i = 0; i < wanted && running.size() < wanted; i++) {
                    if (!running.containsKey(i)) {
                        start(i, users);
                    }
                }
                LockSupport.parkNanos(Math.min(TICK, total - elapsed));
            }
        } finally {
            done = true;
            if (control.stopped()) {
                metrics.close();
                users.shutdownNow();
                // Users waiting for a response without a thread see their connections close.
                running.values().forEach(s -> s.user.abort());
            }
            waits.end();
            users.close();
            awaitLeft();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** A user of the test between the threads that run it: see {@link Waits}. */
    private static final class Seat {
        final int id;
        final ScenarioRunner.User user;
        /** Where the user's code runs. */
        final Executor threads;

        ScenarioRunner.User.Iteration iteration;
        Scenario scenario;
        /** When the next iteration is meant to start, once an iteration with pacing has started. */
        long intended;
        /**
         * Whether {@link #intended} was set by pacing. Only a paced iteration sets when the next
         * one is meant to start; without pacing the next starts when this one ends, and is never late.
         */
        boolean scheduled;

        Seat(int id, ScenarioRunner.User user, UserThreads users) {
            this.id = id;
            this.user = user;
            this.threads = users.of(user);
        }
    }

    private void start(int id, UserThreads users) {
        Seat seat = new Seat(id, runner.user(), users);
        running.put(id, seat);
        try {
            seat.threads.execute(() -> user(seat));
        } catch (RuntimeException | Error e) {
            running.remove(id);
            throw e;
        }
    }

    /**
     * Waits until every user has left: users whose requests went without a thread leave when
     * the response comes, or the request times out, after the test's threads have ended.
     */
    private void awaitLeft() {
        long deadline = System.nanoTime() + runner.responseTimeout().plus(SLACK).toNanos();
        while (!running.isEmpty() && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
    }

    /**
     * Runs the user's iterations until the test no longer wants it, or until it waits for a
     * think time or its pacing, when {@link #waits} hands it to a new thread at the end of it.
     */
    private void user(Seat seat) {
        boolean waiting = false;
        try {
            // A user the test no longer wants finishes the iteration it is in.
            while (!done && (seat.iteration != null || seat.id < wanted)) {
                if (seat.iteration == null) {
                    if (seat.scheduled && seat.intended - System.nanoTime() > 0) {
                        waiting = waits.at(seat.intended, seat.threads, () -> user(seat));
                        return;
                    }
                    seat.scenario = mix.pick();
                    Duration late = Duration.ZERO;
                    if (seat.scheduled) {
                        late = Duration.ofNanos(Math.max(0, System.nanoTime() - seat.intended));
                    } else if (seat.scenario.pacing() != null) {
                        seat.intended = System.nanoTime(); // the first paced one: it starts now
                    }
                    generator.arrived(Duration.ZERO);
                    seat.iteration = seat.user.begin(seat.scenario, record, late);
                    if (UNWAITED) {
                        seat.iteration.resumedBy(seat.threads, () -> user(seat));
                    }
                }
                long thinkingUntil = seat.iteration.proceed();
                if (seat.iteration.waiting()) {
                    waiting = true;
                    return;
                }
                if (seat.iteration.needsThread()) {
                    waiting = onThread(seat);
                    return;
                }
                if (!seat.iteration.ended()) {
                    waiting = waits.at(thinkingUntil, seat.threads, () -> user(seat));
                    return;
                }
                generator.ended(seat.iteration.passed());
                seat.iteration = null;
                seat.scheduled = seat.scenario.pacing() != null;
                if (seat.scheduled) {
                    seat.intended += seat.scenario.pacing().toNanos();
                }
            }
        } finally {
            if (!waiting) {
                leave(seat);
            }
        }
    }

    /** Runs the user on a new thread; false when the test takes no more threads (it was stopped). */
    private boolean onThread(Seat seat) {
        try {
            seat.threads.execute(() -> user(seat));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void leave(Seat seat) {
        try {
            if (seat.iteration != null) {
                seat.iteration.abandon();
            }
            seat.user.close();
        } finally {
            running.remove(seat.id);
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
