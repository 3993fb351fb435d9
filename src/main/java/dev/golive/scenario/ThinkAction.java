package dev.golive.scenario;

import dev.golive.plan.Step;
import java.time.Duration;

/** A pause of a fixed length, or uniform in a range. */
record ThinkAction(Step.Think think) implements Action {
    @Override
    public StepResult run(VirtualUser user, int depth) {
        Duration pause = length(user);
        long start = System.nanoTime();
        try {
            user.pause.pause(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return user.charge(new StepResult(
                    "think",
                    name(pause),
                    depth,
                    0,
                    pause,
                    "interrupted while thinking",
                    null,
                    null,
                    Errors.INTERRUPTED));
        }
        return ended(user, depth, pause, start);
    }

    /**
     * The result of a pause of {@code pause} that began at {@code start} (System.nanoTime) and
     * ends now. The pause is charged with the lateness it inherited; what it overslept itself (a
     * busy generator) delays the next step's intended start, so it is charged to that step.
     */
    StepResult ended(VirtualUser user, int depth, Duration pause, long start) {
        StepResult result = user.charge(new StepResult("think", name(pause), depth, 0, pause, null, null, null, null));
        long over = System.nanoTime() - start - pause.toNanos();
        if (over > 0) {
            user.startedLate(Duration.ofNanos(over));
        }
        return result;
    }

    private static String name(Duration pause) {
        return "think " + pause.toMillis() + " ms";
    }

    Duration length(VirtualUser user) {
        long min = think.min().toNanos();
        long max = think.max().toNanos();
        return Duration.ofNanos(min == max ? min : user.random.nextLong(min, max + 1));
    }
}
