package dev.golive.load;

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

    Waits() {
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * Runs {@code then} on a new thread of {@code threads} at {@code nanoTime} ({@link System#nanoTime}).
     *
     * @return false when the test is over and nothing will run: the caller ends the user itself
     */
    boolean at(long nanoTime, Executor threads, Runnable then) {
        try {
            timer.schedule(() -> resume(threads, then), nanoTime - System.nanoTime(), TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    // When the test's threads take no more work (the test was stopped), the user still has to
    // end: it does so on the timer's thread, where it sees that the test is over.
    private static void resume(Executor threads, Runnable then) {
        try {
            threads.execute(then);
        } catch (RejectedExecutionException e) {
            then.run();
        }
    }

    /**
     * Hands every waiting user back at once, to see that the test is over, and waits until the
     * timer has handed over the last one. Later waits are refused.
     */
    void end() {
        timer.shutdownNow().forEach(Runnable::run);
        try {
            timer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
