package dev.golive.load;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Users in a think time or waiting for their pacing hold no thread: a virtual thread that waited
 * would keep the user's whole stack on the heap, thousands of times over, and the collector
 * would copy those stacks again and again. Instead the user's thread ends, and a timer hands the
 * user to a new virtual thread when its wait is over.
 */
final class Waits {
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("golive-waits").factory());

    /** The users waiting, until they are handed back. */
    private final Set<Resume> waiting = ConcurrentHashMap.newKeySet();

    Waits() {
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * Runs {@code then} on a new thread of {@code threads} at {@code nanoTime} ({@link System#nanoTime}).
     *
     * @return false when the test is over and nothing will run: the caller ends the user itself
     */
    boolean at(long nanoTime, Executor threads, Runnable then) {
        Resume resume = new Resume(threads, then);
        waiting.add(resume);
        try {
            timer.schedule(resume, nanoTime - System.nanoTime(), TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            waiting.remove(resume);
            return false;
        }
    }

    /** A user to hand back, once: when its wait is over, or when the test ends. */
    private final class Resume implements Runnable {
        private final Executor threads;
        private final Runnable then;

        Resume(Executor threads, Runnable then) {
            this.threads = threads;
            this.then = then;
        }

        // When the test's threads take no more work (the test was stopped), the user still has
        // to end: it does so on the caller's thread, where it sees that the test is over.
        @Override
        public void run() {
            if (!waiting.remove(this)) {
                return;
            }
            try {
                threads.execute(then);
            } catch (RejectedExecutionException e) {
                then.run();
            }
        }
    }

    /**
     * Hands every waiting user back at once, to see that the test is over, and waits until the
     * timer has handed over the last one. Later waits are refused.
     */
    void end() {
        // The timer runs no task once shut down: the users still waiting are handed back here.
        timer.shutdownNow();
        waiting.forEach(Resume::run);
        try {
            timer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
