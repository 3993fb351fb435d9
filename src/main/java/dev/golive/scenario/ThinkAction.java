package dev.golive.scenario;

import dev.golive.plan.Step;
import java.time.Duration;

/** A pause of a fixed length, or uniform in a range. */
record ThinkAction(Step.Think think) implements Action {
    @Override
    public StepResult run(VirtualUser user, int depth) {
        return user.charge(pause(user, depth));
    }

    private StepResult pause(VirtualUser user, int depth) {
        Duration pause = length(user);
        String name = "think " + pause.toMillis() + " ms";
        try {
            long start = System.nanoTime();
            user.pause.pause(pause);
            // A pause that overslept (a busy generator) delays the next step's intended start.
            long over = System.nanoTime() - start - pause.toNanos();
            if (over > 0) {
                user.startedLate(Duration.ofNanos(over));
            }
            return new StepResult("think", name, depth, 0, pause, null, null, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StepResult(
                    "think", name, depth, 0, pause, "interrupted while thinking", null, null, Errors.INTERRUPTED);
        }
    }

    private Duration length(VirtualUser user) {
        long min = think.min().toNanos();
        long max = think.max().toNanos();
        return Duration.ofNanos(min == max ? min : user.random.nextLong(min, max + 1));
    }
}
